"""Claim and header names in words, from the IANA registries and the big issuers."""

from __future__ import annotations

import pytest

from authtui.core.jose.claim_info import Standing, describe_claim, describe_header
from authtui.core.jose.claim_names import HEADER, REGISTERED, VENDOR


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("iss", "Issuer"),
        ("sub", "Subject"),
        ("aud", "Audience"),
        ("exp", "Expiration Time"),
        ("nbf", "Not Before"),
        ("iat", "Issued At"),
        ("jti", "JWT ID"),
    ],
)
def test_the_rfc_7519_claims_are_named(name: str, label: str) -> None:
    info = describe_claim(name)
    assert (info.label, info.standing) == (label, Standing.REGISTERED)
    assert info.source.startswith("RFC 7519 §4.1.")


@pytest.mark.parametrize(
    ("name", "standing", "source"),
    [
        ("cnf", Standing.REGISTERED, "RFC 7800"),
        ("scope", Standing.REGISTERED, "RFC 8693"),
        ("roles", Standing.REGISTERED, "RFC 9068"),
        ("tid", Standing.VENDOR, "Entra"),
        ("cognito:groups", Standing.VENDOR, "Cognito"),
        ("realm_access", Standing.VENDOR, "Keycloak"),
        ("xms_pdl", Standing.VENDOR, "Entra"),
        ("https://shop.test/roles", Standing.COLLISION_RESISTANT, "RFC 7519 §4.2"),
    ],
)
def test_registered_vendor_and_namespaced_claims(
    name: str, standing: Standing, source: str
) -> None:
    info = describe_claim(name)
    assert info.standing is standing
    assert source in info.source
    assert info.label


def test_an_unknown_claim_is_unregistered_and_says_nothing_it_does_not_know() -> None:
    info = describe_claim("tenant_tier")
    assert (info.standing, info.label, info.source) == (Standing.UNREGISTERED, "", "")


def test_header_parameters_are_named() -> None:
    assert describe_header("kid").label == "Key ID"
    assert describe_header("x5t#S256").source == "RFC 7515 §4.1.8"
    assert describe_header("foo").standing is Standing.UNREGISTERED


def test_the_tables_are_complete_rows() -> None:
    for table in (REGISTERED, VENDOR, HEADER):
        for name, (label, source) in table.items():
            assert name and label and source, name
    assert not set(REGISTERED) & set(VENDOR), "a registered claim is not a vendor's"
