"""The embedded statement store, LRS credentials, and (forwarding) destinations."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _


class LRSClient(models.Model):
    """HTTP Basic credentials for external tools that write to or read from the LRS."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    key = models.CharField(_("key"), max_length=64, unique=True, editable=False)
    secret_hash = models.CharField(max_length=256, editable=False)
    can_read = models.BooleanField(_("may read statements"), default=True)
    can_write = models.BooleanField(_("may write statements"), default=True)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to revoke these credentials.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("LRS client")
        verbose_name_plural = _("LRS clients")

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def new_key() -> str:
        return secrets.token_hex(16)

    @staticmethod
    def new_secret() -> str:
        return secrets.token_urlsafe(32)

    # The secret is 32 random bytes, not a person's password: a plain SHA-256 is
    # as safe against guessing as a slow password hash, and keeps every LRS
    # request fast (a PBKDF2 check per request would cost ~0.3 s).
    def set_secret(self, secret: str) -> None:
        self.secret_hash = "sha256$" + hashlib.sha256(secret.encode()).hexdigest()

    def check_secret(self, secret: str) -> bool:
        digest = "sha256$" + hashlib.sha256(secret.encode()).hexdigest()
        return hmac.compare_digest(digest, self.secret_hash)

    def authority(self) -> dict[str, object]:
        """The Agent the LRS puts in `authority` for statements from this client."""
        from .conf import xapi_settings

        return {
            "objectType": "Agent",
            "name": self.name,
            "account": {
                "homePage": f"{xapi_settings.site_iri}/xapi/clients",
                "name": self.key,
            },
        }


class Statement(models.Model):
    """One stored statement; `payload` is it exactly as the LRS returns it."""

    # Internal order of storage: `stored` ties are broken by this.
    id = models.BigAutoField(primary_key=True)
    statement_id = models.UUIDField(unique=True)
    payload = models.JSONField()
    stored = models.DateTimeField(db_index=True)
    timestamp = models.DateTimeField()
    verb_iri = models.CharField(max_length=2048)
    actor_key = models.CharField(max_length=64, db_index=True)
    object_activity_iri = models.CharField(max_length=2048, blank=True)
    object_agent_key = models.CharField(max_length=64, blank=True)
    # For a StatementRef object (voiding and other references).
    object_statement_id = models.UUIDField(null=True, blank=True, db_index=True)
    registration = models.UUIDField(null=True, blank=True, db_index=True)
    is_voided = models.BooleanField(default=False)
    client = models.ForeignKey(
        LRSClient, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [
            models.Index(fields=["verb_iri", "stored"], name="engage_xapi_verb_idx"),
            models.Index(
                fields=["object_activity_iri", "stored"], name="engage_xapi_object_idx"
            ),
            models.Index(fields=["actor_key", "stored"], name="engage_xapi_actor_idx"),
        ]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return str(self.statement_id)


class StatementAgent(models.Model):
    """Every agent a statement mentions, for `agent` and `related_agents` queries."""

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="agents"
    )
    agent_key = models.CharField(max_length=64)
    # Actor or object: matched by `agent`; all others only with related_agents=true.
    is_direct = models.BooleanField()

    class Meta:
        indexes = [
            models.Index(
                fields=["agent_key", "is_direct"], name="engage_xapi_agent_idx"
            )
        ]

    def __str__(self) -> str:
        return self.agent_key


class StatementActivity(models.Model):
    """Every activity a statement mentions, for `activity`/`related_activities`."""

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="activities"
    )
    activity_iri = models.CharField(max_length=2048)
    is_direct = models.BooleanField()

    class Meta:
        indexes = [
            models.Index(
                fields=["activity_iri", "is_direct"], name="engage_xapi_activity_idx"
            )
        ]

    def __str__(self) -> str:
        return self.activity_iri


def agent_key(agent: dict[str, object]) -> str:
    """A fixed-length key for an Agent's or identified Group's identifier."""
    if "mbox" in agent:
        raw = f"mbox|{agent['mbox']}"
    elif "mbox_sha1sum" in agent:
        raw = f"mbox_sha1sum|{agent['mbox_sha1sum']}"
    elif "openid" in agent:
        raw = f"openid|{agent['openid']}"
    elif isinstance(account := agent.get("account"), dict):
        raw = f"account|{account.get('homePage')}|{account.get('name')}"
    else:
        return ""
    return hashlib.sha256(raw.encode()).hexdigest()


class Destination(models.Model):
    """An external LRS that receives a copy of every statement (forwarding)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    endpoint = models.URLField(
        _("endpoint"),
        max_length=500,
        help_text=_("The LRS base URL, ending before 'statements', e.g. "
                    "https://lrs.example.edu/xapi/"),
    )  # fmt: skip
    username = models.CharField(_("key / username"), max_length=200)
    # Stored as given: the platform must present it to the external LRS.
    password = models.CharField(_("secret / password"), max_length=500)
    enabled = models.BooleanField(_("enabled"), default=True)
    batch_size = models.PositiveIntegerField(_("batch size"), default=100)
    timeout_seconds = models.PositiveIntegerField(_("timeout (seconds)"), default=10)
    max_attempts = models.PositiveIntegerField(
        _("attempts before dead-letter"), default=12
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("LRS destination")
        verbose_name_plural = _("LRS destinations")

    def __str__(self) -> str:
        return self.name

    @property
    def statements_url(self) -> str:
        return self.endpoint.rstrip("/") + "/statements"


class OutboxEntry(models.Model):
    """One statement still to deliver (or delivered, or given up on) to one LRS."""

    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        SENT = "sent", _("sent")
        DEAD = "dead", _("dead letter")

    destination = models.ForeignKey(
        Destination, on_delete=models.CASCADE, related_name="outbox"
    )
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["destination", "statement"], name="engage_xapi_outbox_once"
            )
        ]
        indexes = [
            models.Index(
                fields=["destination", "state", "next_attempt_at"],
                name="engage_xapi_outbox_due_idx",
            )
        ]
        verbose_name = _("outbox entry")
        verbose_name_plural = _("outbox entries")

    def __str__(self) -> str:
        return f"{self.statement_id} → {self.destination_id} ({self.state})"


class DestinationHealth(models.Model):
    """How forwarding to one destination is going: its circuit breaker
    (`rules/circuit.py`), the last error and success, and throughput.

    Kept apart from `Destination` so that saving the destination's form never
    overwrites what the workers record meanwhile.
    """

    destination = models.OneToOneField(
        Destination, on_delete=models.CASCADE, primary_key=True, related_name="health"
    )
    consecutive_failures = models.PositiveIntegerField(default=0)
    failing_since = models.DateTimeField(null=True, blank=True)
    next_probe_at = models.DateTimeField(null=True, blank=True)
    probe_interval = models.DurationField(default=timedelta(0))
    last_error_status = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=400, blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    # Statements delivered in the clock hour `hour`, and in the hour before it.
    hour = models.DateTimeField(null=True, blank=True)
    sent_this_hour = models.PositiveIntegerField(default=0)
    sent_previous_hour = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("destination health")
        verbose_name_plural = _("destination health")

    def __str__(self) -> str:
        return f"{self.destination_id}: {self.consecutive_failures} failures"


class AttachmentContent(models.Model):
    """The raw octets of statement attachments, stored once per SHA-2 hash.

    Statements refer to attachments by `sha2` (xAPI-Data 2.4.11), so identical
    files sent with many statements are kept once.
    """

    sha2 = models.CharField(max_length=128, unique=True)
    content_type = models.CharField(max_length=255)
    length = models.PositiveBigIntegerField()
    # In the database, not a file storage: it is written in the statements'
    # transaction, so a rejected batch leaves nothing behind.
    data = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment content")
        verbose_name_plural = _("attachment contents")

    def __str__(self) -> str:
        return self.sha2


class MonthlyActivity(models.Model):
    """How many (not voided) statements with a verb happened in a month.

    Kept by `activity.py` in the transaction that stores or voids statements, so
    reports never scan the statements themselves.
    """

    month = models.DateField()  # the first day of the month of the timestamp
    verb_iri = models.CharField(max_length=2048)
    count = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("monthly activity")
        verbose_name_plural = _("monthly activity")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "verb_iri"], name="engage_xapi_monthly_activity_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.verb_iri}: {self.count}"


class Document(models.Model):
    """One document of the State, Activity Profile or Agent Profile resource
    (xAPI 1.0.3 Communication 2.2–2.7), stored byte for byte.

    Its address is `resource` with the parameters that resource is keyed by:
    state by activity + agent + registration (optional) + stateId, an activity
    profile by activity + profileId, an agent profile by agent + profileId. The
    agent is kept by `agent_key` (the hash of its identifier, as statements keep
    theirs); `key` is a hash of the whole address, so that addresses of any length
    are unique under one short index.
    """

    class Resource(models.TextChoices):
        STATE = "state", _("state")
        ACTIVITY_PROFILE = "activity_profile", _("activity profile")
        AGENT_PROFILE = "agent_profile", _("agent profile")

    key = models.CharField(max_length=64, unique=True)
    resource = models.CharField(max_length=16, choices=Resource.choices)
    activity_iri = models.TextField(blank=True)
    # sha256 of activity_iri ("" for an agent profile): IRIs may be too long to index.
    activity_hash = models.CharField(max_length=64, blank=True)
    agent_key = models.CharField(max_length=64, blank=True)
    # The agent as the client sent it (for the person's own data export).
    agent = models.JSONField(null=True, blank=True)
    registration = models.UUIDField(null=True, blank=True)
    document_id = models.TextField()
    content = models.BinaryField()
    content_type = models.CharField(max_length=255)
    # The hexadecimal SHA-1 of `content` (Communication 3.1.s4.b2), unquoted.
    etag = models.CharField(max_length=40)
    updated = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(
                fields=["resource", "activity_hash", "agent_key", "updated"],
                name="engage_xapi_doc_activity_idx",
            ),
            models.Index(
                fields=["resource", "agent_key", "updated"],
                name="engage_xapi_doc_agent_idx",
            ),
        ]
        verbose_name = _("xAPI document")
        verbose_name_plural = _("xAPI documents")

    def __str__(self) -> str:
        return f"{self.resource}: {self.document_id}"
