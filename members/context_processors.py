from django.utils.functional import SimpleLazyObject

from .models import Organization


def coalition(request):
    """The coalition's own profile for the site chrome, queried once and only if used."""
    return {"coalition": SimpleLazyObject(Organization.objects.coalition)}
