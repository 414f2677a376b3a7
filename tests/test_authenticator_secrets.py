"""Nobody reads another staff member's authenticator secret in the admin: the device admin's key and QR
pages answer 403 (a missing device too, never a 500); apps are set up only through one-time links."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice


@pytest.mark.parametrize("page", ["otp_totp_totpdevice_config", "otp_totp_totpdevice_qrcode"])
def test_a_device_secret_page_is_refused_even_to_a_superuser(admin_client, django_user_model, page):
    colleague = django_user_model.objects.create_user("paula", is_staff=True)
    device = TOTPDevice.objects.create(user=colleague, name="Paula's phone", confirmed=True)

    assert admin_client.get(reverse(f"admin:{page}", args=[device.pk])).status_code == 403
    assert admin_client.get(reverse(f"admin:{page}", args=[device.pk + 1000])).status_code == 403
