from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from ..caching import private
from ..models import Subscription
from . import signup, tokens
from .forms import CONSENT, PreferencesForm, SubscribeForm


class SubscribeView(FormView):
    """The subscription form. A request is limited per network address; the answer is the same for every address."""

    template_name = "subscriptions/subscribe.html"
    form_class = SubscribeForm

    def post(self, request, *args, **kwargs):
        if not signup.request_allowed(request.META.get("REMOTE_ADDR", "")):
            return render(request, "subscriptions/too_many.html", status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        signup.request_subscription(
            data["email"], languages=data["languages"], kinds=data["kinds"], topics=data["topics"], consent=CONSENT
        )
        return redirect("subscriptions:requested")


class RequestedView(TemplateView):
    template_name = "subscriptions/requested.html"


def confirm(request, token):
    """A GET shows a button (mail scanners follow links); the POST confirms."""
    try:
        subscription = tokens.subscription_to_confirm(token)
    except tokens.Expired:
        return private(render(request, "subscriptions/expired.html", status=410))
    if request.method == "POST":
        signup.confirm(subscription)
        return redirect("subscriptions:manage", token=tokens.manage_token(subscription))
    return private(render(request, "subscriptions/confirm.html", {"subscription": subscription}))


def manage(request, token):
    subscription = tokens.subscription_to_manage(token)
    form = PreferencesForm(request.POST or None, instance=subscription)
    saved = False
    if request.method == "POST" and form.is_valid():
        form.save()
        saved = True
    return private(
        render(
            request,
            "subscriptions/manage.html",
            {
                "subscription": subscription,
                "form": form,
                "saved": saved,
                "leave_url": reverse("subscriptions:leave", args=[token]),
            },
        )
    )


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" with no token of ours; the link is the key.
def leave(request, token):
    """A GET asks (link scanners must not unsubscribe anyone); a POST, one click in the mail client, leaves."""
    subscription = Subscription.objects.confirmed().filter(pk=tokens.managed_pk(token)).first()
    if request.method == "POST":
        if subscription is not None:  # a second click finds it gone, and hears the same
            subscription.delete()
        return private(render(request, "subscriptions/left.html"))
    if subscription is None:
        raise Http404
    return private(
        render(request, "subscriptions/leave.html", {"subscription": subscription, "title": _("Leave the list")})
    )
