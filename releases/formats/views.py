from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import translation

from ..mailing import absolute
from ..models import MediaContact, Release, Spokesperson
from ..views import ReleaseDetailView

# The format libraries are imported when a file is asked for, not with the URLs: WeasyPrint alone
# takes over a second to import, which every process (app server, worker, shell) would pay at start.


def download(body, content_type, filename, *, inline=False):
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    return response


class ReleasePDFView(ReleaseDetailView):
    """The public release's page as a PDF, in the print design."""

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), slug=self.kwargs["slug"])

    def get(self, request, *args, **kwargs):
        from .pdf import release_pdf

        self.object = self.get_object()
        with translation.override(self.object.language):
            html = render_to_string(self.get_template_names(), self.get_context_data(object=self.object), request)
        return download(release_pdf(self.object, html), "application/pdf", f"{self.object.slug}.pdf", inline=True)


def event_ics(request, slug):
    """A public media advisory's event, for the journalist's calendar."""
    from .calendar import event_calendar

    release = get_object_or_404(
        Release.objects.published()
        .filter(kind=Release.Kind.MEDIA_ADVISORY, event__isnull=False)
        .select_related("event"),
        slug=slug,
    )
    body = event_calendar(release, absolute(release.get_absolute_url()))
    return download(body, "text/calendar; charset=utf-8", f"{release.slug}.ics")


def contact_vcf(request, pk):
    """A media contact the public pages list: an active one, or one on a public release."""
    from .vcards import contact_vcard

    listed = MediaContact.objects.active() | MediaContact.objects.filter(releases__in=Release.objects.published())
    contact = get_object_or_404(listed.distinct().select_related("organization"), pk=pk)
    return download(contact_vcard(contact), "text/vcard; charset=utf-8", f"contact-{contact.pk}.vcf")


def spokesperson_vcf(request, slug):
    from .vcards import spokesperson_vcard

    person = get_object_or_404(Spokesperson.objects.listed().select_related("organization"), slug=slug)
    body = spokesperson_vcard(person, absolute(person.get_absolute_url()))
    return download(body, "text/vcard; charset=utf-8", f"{person.slug}.vcf")
