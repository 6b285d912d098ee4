"""Verification keys as people paste them: PEM, DER, SSH, X.509, JWK and JWKS, read offline.

Takes key files' bytes as given; gives loaded keys (the key model) and a finding per problem.
"""
