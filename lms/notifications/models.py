from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """One e-mail to one address, kept until delivered so nothing is lost."""

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [
            models.Index(
                fields=["sent_at", "created_at"], name="engage_mail_pending_idx"
            )
        ]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"


class Notification(models.Model):
    """Something a person should know about, shown in the site and in digests.

    Title and body are plain text, stored in the recipient's language.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="engage_notifications",
        verbose_name=_("recipient"),
    )
    # A short slug naming what happened ("feedback", "entry-shared", ...).
    kind = models.SlugField(_("kind"), max_length=50)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    # A path on this site ("/journal/12/"); never another host.
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    digest_sent_at = models.DateTimeField(
        _("sent in a digest at"), null=True, blank=True
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The list page: a person's notifications, newest first.
            models.Index(
                fields=["recipient", "-created_at"], name="engage_notif_recent_idx"
            ),
            # The header badge and the digests: unread of a person, newest first.
            models.Index(
                fields=["recipient", "-created_at"],
                condition=models.Q(read_at__isnull=True),
                name="engage_notif_unread_idx",
            ),
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}: {self.title}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class DigestFrequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    OFF = "off", _("Never (no summary e-mails)")


class NotificationPreference(models.Model):
    """How a person wants to hear about notifications by e-mail.

    The language is the person's preferred language (their profile).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="engage_notification_preference",
        verbose_name=_("user"),
    )
    digest = models.CharField(
        _("summary e-mail"),
        max_length=8,
        choices=DigestFrequency.choices,
        default=DigestFrequency.DAILY,
    )
    email_immediately = models.BooleanField(
        _("also e-mail each notification at once"), default=False
    )
    # When the last digest went out; makes a second run of the same day (or week)
    # send nothing.
    last_digest_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.digest}"
