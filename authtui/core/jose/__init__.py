"""JOSE objects: tokens (JWS, JWE, unsecured, opaque) decoded, signatures and DPoP proofs checked.

Takes a token's text and the user's keys; gives a decoded Token and signature or proof findings.
"""
