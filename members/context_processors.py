from django.utils.functional import SimpleLazyObject

from .models import coalition_profile


def coalition(request):
    """The coalition's profile for the site chrome, fetched only if a template uses it."""
    return {"coalition": SimpleLazyObject(coalition_profile)}
