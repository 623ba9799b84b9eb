"""Forms of the practices site pages: validate and shape, never write."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import Faculty
from lms.forms import RichTextarea, RichTextField
from lms.sanitizing import clean_text
from lms.uploads import validate_upload

from .data import NewAttachment, PracticeInput
from .models import GroupSize, PracticeLanguage, PracticePage, Term, Vocabulary
from .rules.licences import Licence

ATTACHMENT_SLOTS = 3
IMAGE_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "gif", "webp"})
MAX_RICH_TEXT = 50_000


class TermChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


def _is_image(upload: Any) -> bool:
    """Whether Pillow can read the upload as an image (a signature is not enough)."""
    from PIL import Image, UnidentifiedImageError

    position = upload.tell()
    try:
        with Image.open(upload) as image:
            image.verify()
        return True
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        OSError,
        ValueError,
        SyntaxError,
    ):
        return False
    finally:
        upload.seek(position)


class PracticeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what you did and why it works."),
    )
    body = RichTextField(
        label=_("What you did"),
        max_length=MAX_RICH_TEXT,
        widget=RichTextarea(attrs={"rows": 12}, headings=True),
        help_text=_("Describe the practice so a colleague can try it."),
    )
    faculty = forms.ModelChoiceField(
        label=_("Faculty"), queryset=Faculty.objects.filter(is_active=True)
    )
    discipline = forms.CharField(label=_("Discipline"), max_length=200, required=False)
    course_levels = TermChoiceField(
        label=_("Course level"), queryset=Term.objects.none(), required=False
    )
    group_size = forms.ChoiceField(
        label=_("Group size"),
        choices=[("", _("Not specified")), *GroupSize.choices],
        required=False,
    )
    formats = TermChoiceField(
        label=_("Teaching format"), queryset=Term.objects.none(), required=False
    )
    dimensions = TermChoiceField(
        label=_("Diversity dimensions it serves"),
        queryset=Term.objects.none(),
        required=False,
    )
    aspects = TermChoiceField(
        label=_("Teaching aspects"), queryset=Term.objects.none(), required=False
    )
    sdgs = TermChoiceField(
        label=_("Sustainable Development Goals"),
        queryset=Term.objects.none(),
        required=False,
    )
    evidence = RichTextField(
        label=_("Evidence of effect"),
        max_length=MAX_RICH_TEXT,
        required=False,
        help_text=_("What changed for students, and how do you know?"),
    )
    contact_name = forms.CharField(
        label=_("Contact person"), max_length=200, required=False
    )
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    language = forms.ChoiceField(
        label=_("Language of this description"),
        choices=PracticeLanguage.choices,
        widget=forms.RadioSelect,
        initial=PracticeLanguage.ENGLISH,
    )
    licence = forms.ChoiceField(
        label=_("Licence"),
        choices=Licence.choices,
        initial=Licence.CC_BY,
        help_text=_(
            "Creative Commons licence under which colleagues may reuse your "
            "description. CC BY: anyone may reuse it if they credit you."
        ),
    )
    remove_attachments = forms.TypedMultipleChoiceField(
        label=_("Remove these files"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, page: PracticePage | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        vocabularies = {
            "course_levels": Vocabulary.LEVEL,
            "formats": Vocabulary.FORMAT,
            "dimensions": Vocabulary.DIMENSION,
            "aspects": Vocabulary.ASPECT,
            "sdgs": Vocabulary.SDG,
        }
        chosen: set[int] = set()
        if page is not None:
            for name in vocabularies:
                chosen |= {t.pk for t in getattr(page, name).all()}
        for name, vocabulary in vocabularies.items():
            field = cast(forms.ModelMultipleChoiceField, self.fields[name])
            field.queryset = Term.objects.filter(vocabulary=vocabulary).filter(
                models_q_active_or(chosen)
            )
        for slot in range(1, ATTACHMENT_SLOTS + 1):
            self.fields[f"file_{slot}"] = forms.FileField(
                label=_("File %(n)d") % {"n": slot},
                required=False,
                validators=[validate_upload],
                help_text=_(
                    "An image (PNG, JPEG, GIF, WebP) or a document (PDF, Office)."
                ),
            )
            self.fields[f"alt_text_{slot}"] = forms.CharField(
                label=_("Text alternative for image %(n)d") % {"n": slot},
                max_length=250,
                required=False,
                help_text=_("Required for images: what the image shows."),
            )
            self.fields[f"caption_{slot}"] = forms.CharField(
                label=_("Caption for file %(n)d") % {"n": slot},
                max_length=250,
                required=False,
            )
        existing = list(page.attachments.all()) if page is not None else []
        remove = cast(forms.TypedMultipleChoiceField, self.fields["remove_attachments"])
        remove.choices = [
            (a.pk, a.caption or str(a.image or a.document)) for a in existing if a.pk
        ]
        if not existing:
            del self.fields["remove_attachments"]

    def attachment_slots(self) -> list[tuple[Any, Any, Any]]:
        return [
            (self[f"file_{n}"], self[f"alt_text_{n}"], self[f"caption_{n}"])
            for n in range(1, ATTACHMENT_SLOTS + 1)
        ]

    def clean_title(self) -> str:
        title = clean_text(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError(_("Give the practice a title."))
        return title

    def clean_summary(self) -> str:
        summary = clean_text(self.cleaned_data["summary"])
        if not summary:
            raise forms.ValidationError(_("Write a short summary."))
        return summary

    def clean_body(self) -> str:
        body = str(self.cleaned_data["body"])
        if not clean_text(body).strip():
            raise forms.ValidationError(_("Describe what you did."))
        return body

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for slot in range(1, ATTACHMENT_SLOTS + 1):
            upload = cleaned.get(f"file_{slot}")
            if not upload:
                continue
            extension = PurePath(upload.name).suffix.lower().lstrip(".")
            if extension in IMAGE_EXTENSIONS and not _is_image(upload):
                self.add_error(
                    f"file_{slot}", _("The file is not an image we can read.")
                )
                continue
            if extension in IMAGE_EXTENSIONS and not clean_text(
                cleaned.get(f"alt_text_{slot}", "")
            ):
                self.add_error(
                    f"alt_text_{slot}",
                    _("Describe the image for people who cannot see it."),
                )
        return cleaned

    def to_input(self) -> PracticeInput:
        data = self.cleaned_data
        attachments = tuple(
            NewAttachment(
                file=data[f"file_{n}"],
                alt_text=clean_text(data.get(f"alt_text_{n}", "")),
                caption=clean_text(data.get(f"caption_{n}", "")),
            )
            for n in range(1, ATTACHMENT_SLOTS + 1)
            if data.get(f"file_{n}")
        )
        return PracticeInput(
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            faculty_id=data["faculty"].pk,
            discipline=clean_text(data.get("discipline", "")),
            group_size=data.get("group_size", ""),
            course_level_ids=tuple(t.pk for t in data["course_levels"]),
            format_ids=tuple(t.pk for t in data["formats"]),
            dimension_ids=tuple(t.pk for t in data["dimensions"]),
            aspect_ids=tuple(t.pk for t in data["aspects"]),
            sdg_ids=tuple(t.pk for t in data["sdgs"]),
            evidence=data.get("evidence", ""),
            contact_name=clean_text(data.get("contact_name", "")),
            contact_email=data.get("contact_email", ""),
            language=data["language"],
            licence=data["licence"],
            new_attachments=attachments,
            remove_attachment_ids=tuple(data.get("remove_attachments", ())),
        )

    @classmethod
    def initial_from(cls, page: PracticePage) -> dict[str, Any]:
        return {
            "title": page.title,
            "summary": page.summary,
            "body": page.body,
            "faculty": page.faculty_id,
            "discipline": page.discipline,
            "course_levels": list(page.course_levels.all()),
            "group_size": page.group_size,
            "formats": list(page.formats.all()),
            "dimensions": list(page.dimensions.all()),
            "aspects": list(page.aspects.all()),
            "sdgs": list(page.sdgs.all()),
            "evidence": page.evidence,
            "contact_name": page.contact_name,
            "contact_email": page.contact_email,
            "language": page.language,
            "licence": page.licence,
        }


def models_q_active_or(chosen: set[int]) -> Any:
    from django.db.models import Q

    return Q(is_active=True) | Q(pk__in=chosen)


class ReviewForm(forms.Form):
    action = forms.ChoiceField(label=_("Your decision"), widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment for the author"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you request changes or reject."),
    )
    # The step and version the reviewer read (services.review_seen).
    seen = forms.CharField(widget=forms.HiddenInput, max_length=50)

    def __init__(self, *args: Any, actions: list[tuple[str, str, bool]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        seen: dict[str, str] = {}
        for name, label, _needs in actions:
            seen.setdefault(name, label)
        field = cast(forms.ChoiceField, self.fields["action"])
        field.choices = list(seen.items())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned["comment"] = clean_text(cleaned.get("comment", ""))
        return cleaned


class AdoptionForm(forms.Form):
    note = forms.CharField(
        label=_("How did you use it? (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CollectionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_('For example: "Faculty of Arts, education meeting, March".'),
    )

    def clean_title(self) -> str:
        title = clean_text(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError(_("Give the collection a title."))
        return title


class CollectionItemForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AddToCollectionForm(forms.Form):
    collection: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Collection"), queryset=None, empty_label=None
    )
    note = forms.CharField(label=_("Note"), max_length=1000, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        from .models import PracticeCollection

        field = cast(forms.ModelChoiceField, self.fields["collection"])
        field.queryset = PracticeCollection.objects.filter(owner=user)
