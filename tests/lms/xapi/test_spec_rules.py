"""Index of the xAPI 1.0.3 rules for an LRS that the test suite holds.

Each entry is a rule of the specification (xAPI-Data.md "Data", xAPI-
Communication.md "Communication", numbered by the spec's own anchors), a short
quote of it, and the tests that hold it as ``module::function`` under
tests/lms/xapi/. SHOULD* rules are listed too: xAPI-About 2.1 asks to implement
them "as though they were MUST". The test below fails when a named test is
renamed or removed, so the index cannot silently drift from the tests.

Not complete yet: it covers the rules of the Statements-shape fixes, the Agents
and Activities resources (issue 18), and existing tests that map to one rule
cheaply. The document resources (State, Activity Profile, Agent Profile) and
xAPI 2.0 add theirs here.
"""

from __future__ import annotations

import importlib

import pytest

SPEC_RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Data 2.4.6.2.s4.b1",
        "Every key in the contextActivities Object MUST be one of parent, "
        "grouping, category, or other.",
        ("test_validation::test_invalid_statements_are_rejected",),
    ),
    (
        "Data 2.4.6.2.s4.b3",
        "The LRS MUST return every value in the contextActivities Object as an "
        "array, even if it arrived as a single Activity Object.",
        (
            "test_context_activities::"
            "test_lrs_returns_every_context_activities_value_as_an_array",
            "test_context_activities::test_context_activities_are_stored_as_arrays",
            "test_context_activities::"
            "test_rows_stored_before_normalisation_are_returned_as_arrays",
        ),
    ),
    (
        "Data 2.4.6.2.s4.b4",
        "The LRS MUST return single Activity Objects as an array of length one "
        "containing the same Activity.",
        (
            "test_context_activities::"
            "test_lrs_returns_every_context_activities_value_as_an_array",
            "test_context_activities::"
            "test_resending_the_single_object_form_is_the_same_statement",
        ),
    ),
    (
        "Data 2.3.1.s9.b1",
        "Differences which could have been caused by exceptions to Statement "
        "immutability MUST be ignored.",
        (
            "test_attachments::test_signed_payload_comparison_ignores_what_the_spec_ignores",
            "test_attachments::test_group_member_order_does_not_matter",
            "test_context_activities::"
            "test_resending_the_single_object_form_is_the_same_statement",
        ),
    ),
    (
        "Data 2.4.4.1.s4.b2",
        "An LRS MUST NOT treat references to the same Activity id as references "
        "to different Activities.",
        ("test_activities_resource::test_activities_returns_the_full_activity_object",),
    ),
    (
        "Data 2.4.4.1.s4.b5",
        "An LRS SHOULD NOT make significant changes to its canonical definition "
        "for the Activity based on an updated definition e.g. changes to correct "
        "responses.",
        (
            "test_activities_resource::"
            "test_activities_significant_changes_do_not_alter_the_canonical_definition",
        ),
    ),
    (
        "Data 2.6.s5.b3.b3",
        "(the LRS MUST) If the JWS header includes an X.509 certificate, validate "
        "the signature against that certificate as defined in JWS.",
        (
            "test_attachments::test_a_signature_with_its_certificate_is_verified",
            "test_attachments::"
            "test_a_signature_the_certificate_does_not_verify_is_rejected",
        ),
    ),
    (
        "Communication 1.3.s3.b7",
        "The LRS MUST treat the form parameters listed above as header parameters.",
        ("test_alternate_syntax::test_form_header_fields_override_http_headers",),
    ),
    (
        "Communication 2.1.3.s1.table1.row12",
        "format ids: only include minimum information necessary in Agent, "
        "Activity, Verb and Group Objects to identify them. For Anonymous Groups "
        "this means including the minimum information needed to identify each "
        "member.",
        (
            "test_format_ids::test_format_ids_activity_in_substatement_keeps_only_its_id",
            "test_format_ids::test_format_ids_top_level_activities_keep_only_their_ids",
            "test_format_ids::"
            "test_format_ids_agents_and_groups_in_substatement_keep_only_identifiers",
            "test_format_ids::test_format_ids_statement_ref_keeps_object_type_and_id",
        ),
    ),
    (
        "Communication 2.4.s2",
        "The agent parameter is a normal Agent Object with a single identifier "
        "and no arrays. It is not a Person Object, nor is it a Group.",
        (
            "test_agents_resource::test_agents_missing_or_invalid_agent_is_400_with_reason",
            "test_agents_resource::test_agents_repeated_parameter_is_400",
        ),
    ),
    (
        "Communication 2.4.s3.b3",
        "If an LRS does not have any additional information about an Agent to "
        "return, the LRS MUST still return a Person Object when queried.",
        (
            "test_agents_resource::"
            "test_agents_unknown_agent_still_returns_person_with_request_information",
        ),
    ),
    (
        "Communication 2.4.s6.b1",
        "All array properties MUST be populated with members with the same "
        "definition as the similarly named property from Agent Objects.",
        (
            "test_agents_resource::test_agents_returns_person_object_with_array_properties",
            "test_agents_resource::"
            "test_agents_combines_names_from_every_place_an_agent_appears",
        ),
    ),
    (
        "Communication 2.4.s6.b2",
        "Additional properties not listed here SHOULD* NOT be added to this object "
        "and each property MUST occur only once.",
        (
            "test_agents_resource::test_agents_person_properties_occur_once_and_no_others",
        ),
    ),
    (
        "Communication 2.5.s2.b1",
        "If an LRS does not have a canonical definition of the Activity to "
        "return, the LRS SHOULD* still return an Activity Object when queried.",
        (
            "test_activities_resource::"
            "test_activities_unknown_activity_still_returns_an_activity_object",
        ),
    ),
    (
        "Communication 2.5.s1",
        "Loads the complete Activity Object specified. activityId: Activity id "
        "(IRI), Required.",
        (
            "test_activities_resource::"
            "test_activities_missing_or_invalid_iri_is_400_with_reason",
            "test_activities_resource::"
            "test_activities_lone_surrogate_and_invalid_utf8_are_400_not_5xx",
        ),
    ),
    (
        "Communication 2.8.s5.b1",
        "An LRS MUST return the JSON document described above, with a version "
        "property that includes the latest minor and patch version the LRS "
        "conforms to, for each major version.",
        (
            "test_statements_resource::test_about_answers_without_credentials_or_version",
        ),
    ),
    (
        "Communication 2.8.s5.b4",
        "An LRS MUST NOT reject requests based on their version header as would "
        "otherwise be required by Versioning (About resource).",
        (
            "test_statements_resource::test_about_answers_without_credentials_or_version",
        ),
    ),
    (
        "Communication 3.1.s4.b1",
        "An LRS responding to a GET request MUST add an ETag HTTP header to the "
        "response (Agents and Activities resources).",
        (
            "test_agents_resource::"
            "test_agents_get_has_etag_of_sha1_of_content_and_head_has_no_body",
            "test_activities_resource::"
            "test_activities_get_has_etag_of_sha1_of_content_and_head_has_no_body",
        ),
    ),
    (
        "Communication 3.1.s4.b2",
        "An LRS responding to a GET request without using a transfer encoding or "
        "using the identity transfer encoding MUST calculate the value of the ETag "
        "header to be a hexadecimal string of the SHA-1 digest of the contents.",
        (
            "test_agents_resource::"
            "test_agents_get_has_etag_of_sha1_of_content_and_head_has_no_body",
            "test_activities_resource::"
            "test_activities_get_has_etag_of_sha1_of_content_and_head_has_no_body",
        ),
    ),
    (
        "Communication 3.1.s4.b4",
        "An LRS responding to a GET request MUST enclose the header in quotes.",
        (
            "test_agents_resource::"
            "test_agents_get_has_etag_of_sha1_of_content_and_head_has_no_body",
            "test_activities_resource::"
            "test_activities_get_has_etag_of_sha1_of_content_and_head_has_no_body",
        ),
    ),
)


def _all_refs() -> list[str]:
    return sorted({ref for _, _, refs in SPEC_RULES for ref in refs})


def test_spec_rule_ids_are_listed_once_each_with_a_quote_and_a_test() -> None:
    ids = [rule for rule, _, _ in SPEC_RULES]
    assert len(ids) == len(set(ids))
    for rule, quote, refs in SPEC_RULES:
        assert rule.startswith(("Data ", "Communication ")), rule
        assert quote and refs, rule


@pytest.mark.parametrize("ref", _all_refs())
def test_spec_rules_index_names_an_existing_test(ref: str) -> None:
    module_name, _, function = ref.partition("::")
    module = importlib.import_module(f"tests.lms.xapi.{module_name}")
    assert function.startswith("test_"), ref
    assert callable(getattr(module, function, None)), f"{ref} does not exist"
