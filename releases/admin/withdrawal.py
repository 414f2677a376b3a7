"""Withdrawing (retracting) a public release, on a page of its own: publishers give the reason readers will see."""

from functools import partial

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from .. import workflow
from ..models import Release


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, as readers will see it"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )
    answer_gone = forms.BooleanField(
        label=_("Remove the page (answer “410 Gone”) instead of showing it with the retraction notice"),
        required=False,
    )


def withdrawal_urls(model_admin):
    view = model_admin.admin_site.admin_view(partial(withdraw_view, model_admin=model_admin))
    return [path("<path:object_id>/withdraw/", view, name="releases_release_withdraw")]


def withdraw_view(request, object_id, *, model_admin):
    """Withdraw (retract) a published release, with the reason readers will see."""
    release = get_object_or_404(Release, pk=object_id)
    if not workflow.can_publish(request.user):
        raise PermissionDenied
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.apply_transition(
                release,
                "withdraw",
                request.user,
                reason=form.cleaned_data["reason"],
                answer_gone=form.cleaned_data["answer_gone"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The release is withdrawn."))
            return redirect(reverse("admin:releases_release_change", args=[release.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Withdraw “%(headline)s”") % {"headline": release.headline},
        "release": release,
        "form": form,
    }
    return TemplateResponse(request, "admin/releases/release/withdraw.html", context)
