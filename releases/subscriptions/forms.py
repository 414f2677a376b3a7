from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Language, Release, Subscription, Tag

CONSENT = _(
    "I agree to receive the press room's releases by email, as chosen above, until I leave with the link "
    "in every email. My address is used for nothing else."
)


class ChoicesForm(forms.ModelForm):
    """What a subscriber chooses: the languages, kinds and topics of the releases they get."""

    languages = forms.MultipleChoiceField(
        label=_("Releases in"), choices=Language.choices, widget=forms.CheckboxSelectMultiple
    )
    kinds = forms.MultipleChoiceField(
        label=_("Kinds"),
        choices=Release.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: every kind."),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Tag.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: every topic."),
    )

    class Meta:
        model = Subscription
        fields = ["languages", "kinds", "topics"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        topics = Tag.objects.in_use()
        if self.instance.pk:
            topics = topics | Tag.objects.filter(pk__in=self.instance.topics.values("pk"))
        self.fields["topics"].queryset = topics.distinct()
        self.fields["topics"].label_from_instance = lambda tag: tag.display_name


class SubscribeForm(ChoicesForm):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    consent = forms.BooleanField(label=CONSENT)

    class Meta(ChoicesForm.Meta):
        fields = ["email", "languages", "kinds", "topics"]

    def validate_unique(self):
        """An address already subscribed is not an error here: the page answers the same for every address."""


class PreferencesForm(ChoicesForm):
    class Meta(ChoicesForm.Meta):
        fields = ["language", "languages", "kinds", "topics"]
        widgets = {"language": forms.RadioSelect}
