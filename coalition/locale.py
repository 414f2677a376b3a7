"""The language of each request.

Rules:
- A reader's page is in the language its address names: English unprefixed, Spanish under /es/
  (``i18n_patterns`` in coalition/urls.py). Neither a cookie nor Accept-Language changes it, so one
  address is always one page, for readers, caches and search engines alike.
- The admin, at one address for everyone, follows the staff member's browser (Django's own choice
  from the language cookie and Accept-Language), as it did before the reader's pages had languages.
"""

from django.middleware.locale import LocaleMiddleware
from django.utils import translation

STAFF_PREFIX = "/admin/"


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, which gives every unprefixed address the default language when the
    default is unprefixed; the admin, which has no prefix to say otherwise, gets the browser's."""

    def process_request(self, request):
        super().process_request(request)
        if request.path_info.startswith(STAFF_PREFIX):
            translation.activate(translation.get_language_from_request(request))
            request.LANGUAGE_CODE = translation.get_language()
