"""The table of vendor wordings: what only a table can know. Data only.

Each :class:`~authtui.core.words.pattern.Pattern` row states the *rule* behind a
family of one vendor's messages as lower-case substrings (see :mod:`.pattern`;
matching is in :mod:`.match`): error codes (``IDX10214``, ``AADSTS``,
``AuthorizationPermissionMismatch``), odd wordings ("Bad credentials" means an
invalid, expired or revoked GitHub token) and what a message means for that vendor.
A new vendor is one more row. Plain sentences ("the token has expired", "invalid
audience") need no row: the general reader (:mod:`.meaning`) reads them.

Rows are tried in order and the first one that matches a text wins over the
general reader; rows marked ``companion`` fire beside it (a second, weaker reading
of the same words).
"""

from __future__ import annotations

from authtui.core.words.pattern import (
    AUDIENCE,
    BAD_SIGNATURE,
    EXPIRED,
    ISSUER,
    MALFORMED,
    MISSING_TOKEN,
    NOT_YET_VALID,
    SCOPE,
    UNKNOWN_KEY,
    WRONG_TOKEN_TYPE,
    Pattern,
)

_MS = "Microsoft.IdentityModel (ASP.NET Core JwtBearer, Microsoft.Identity.Web, Azure services)"
_SPRING = "Spring Security (Nimbus JOSE + JWT)"
_ENVOY = "Envoy jwt_authn (Istio RequestAuthentication)"
_KONG = "Kong jwt plugin"
_AWS = "AWS API Gateway"
_GOJWT = "golang-jwt (also AWS API Gateway JWT authorizers)"
_NODE = "node jsonwebtoken / express-jwt"
_JOSE = "jose (express-oauth2-jwt-bearer, Auth0 SDKs)"
_DRF = "Django REST framework / simplejwt"
_PYJWT = "PyJWT"
_GOOGLE = "Google APIs"
_GRAPH = "Microsoft Graph / Entra ID"
_AZURE = "Azure Storage / Azure Resource Manager"
_GITHUB = "GitHub API"
_KEYCLOAK = "Keycloak"

_VENDOR_ROWS: tuple[Pattern, ...] = (
    # --- Microsoft.IdentityModel / ASP.NET Core -----------------------------------------
    Pattern(
        EXPIRED,
        _GRAPH,
        ("access token has expired or is not yet valid",),
        "The token's lifetime check failed: almost always a cached token reused after its "
        "exp (rarely an nbf still in the future).",
    ),
    Pattern(
        NOT_YET_VALID,
        _MS,
        ("idx10222", "the token is not valid before", "the token is not yet valid. validfrom"),
        "The token's nbf lies in the future by the server's clock, beyond its skew "
        "allowance (5 minutes by default).",
    ),
    Pattern(
        EXPIRED,
        _MS,
        ("idx10225", "the token has no expiration", "missing an expiration time"),
        "The token carries no exp claim and the server requires one.",
        title="The server says the token has no expiry",
        fix="Issue the token with an exp claim (every access token should expire).",
    ),
    Pattern(
        EXPIRED,
        _MS,
        ("idx10223", "the token expired at", "lifetime validation failed"),
        "The token's exp lies in the past by the server's clock (5 minutes of skew allowed "
        "by default).",
        unless=("not yet valid", "not valid before"),
    ),
    Pattern(
        UNKNOWN_KEY,
        _MS,
        (
            "idx10501",
            "idx10516",
            "signature key was not found",
            "unable to match key",
            "did not match any keys",
        ),
        "The token's kid is not among the signing keys the API loaded from its authority's "
        "metadata: a wrong Instance, tenant or authority (or B2C policy), a custom signing "
        "key, or a key rotation the API has not picked up.",
    ),
    Pattern(
        UNKNOWN_KEY,
        _MS,
        ("idx10500",),
        "The API had no signing keys at all to try: its metadata (Authority, "
        "MetadataAddress) was not loaded or is wrong.",
    ),
    Pattern(
        BAD_SIGNATURE,
        _MS,
        ("idx10503", "idx10511", "idx10508"),
        "Keys were tried and none verified the signature: the token was signed by another "
        "issuer or tenant, altered, or signed with an algorithm the key does not fit.",
    ),
    Pattern(
        AUDIENCE,
        _MS,
        ("idx10214", "idx10206", "idx10208", "the audience '", "audience validation failed"),
        "The token's aud is not one the API accepts. 'empty' means the token has no aud "
        "(no API scope was requested); a client id means the token was issued to the client "
        "itself, not to this API.",
        also=("invalid", "fail", "did not match", "null", "empty"),
    ),
    Pattern(
        ISSUER,
        _MS,
        ("idx10205", "idx10204", "idx10211", "the issuer '", "issuer validation failed"),
        "The token's iss is not one the API trusts: a v1 (sts.windows.net) versus v2.0 "
        "(login.microsoftonline.com/.../v2.0) issuer, another tenant, or a public host name "
        "versus an internal one. '(null)' is printed when validation could not read one.",
        also=("invalid", "fail", "did not match", "null"),
    ),
    Pattern(
        MALFORMED,
        _MS,
        ("idx12741", "idx14100", "idx12709", "idx14101", "idx14102", "idx10504", "idx12729"),
        "The value after Bearer is not a compact JWT (three parts for JWS, five for JWE): an "
        "opaque token, a truncated or quoted token, or the wrong value in the header.",
    ),
    Pattern(
        MISSING_TOKEN,
        _MS,
        ("idx10000",),
        "The token handed to the validator was null or empty: nothing followed the scheme.",
        also=("token",),
    ),
    # --- Microsoft Graph, Entra ID, Azure --------------------------------------------------
    Pattern(
        AUDIENCE,
        _GRAPH,
        ("access token validation failure",),
        "Graph could not validate the token. Usually it was issued for another resource "
        "(aud https://graph.windows.net or your own API instead of "
        "https://graph.microsoft.com); also a token from another cloud, or an ID token.",
        hint=True,
        title="The server rejected the token: usually one issued for another resource",
    ),
    Pattern(
        MALFORMED,
        _GRAPH,
        ("compacttoken parsing failed", "compacttoken validation failed"),
        "Graph could not even parse the token: a consumer-account (MSA) opaque token, a "
        "truncated token or some other value after Bearer.",
    ),
    Pattern(
        SCOPE,
        _GRAPH,
        ("authorization_requestdenied", "insufficient privileges to complete the operation"),
        "The token is valid but lacks the delegated scope or application role this operation "
        "needs (or the signed-in user lacks the directory role); admin consent may be missing.",
    ),
    Pattern(
        EXPIRED,
        _GRAPH,
        ("session has been revoked",),
        "Continuous Access Evaluation revoked the user's session (password change, account "
        "disabled, risk or location policy): the token is dead before its exp.",
        title="The server says the user's session was revoked",
        fix="Get a new token interactively, passing the challenge's claims value to the token "
        "request (MSAL: WithClaims / claims parameter); a silent refresh is not enough.",
    ),
    Pattern(
        SCOPE,
        "Microsoft Entra CAE / RFC 9470 step-up",
        ("insufficient_claims", "insufficient_user_authentication"),
        "A claims challenge: the token is valid but a policy (Conditional Access, "
        "authentication context, step-up) requires claims it lacks, such as MFA.",
        title="The server wants a token with stronger authentication or more claims",
        fix="Request a new token passing the challenge's claims (or acr_values / max_age) to "
        "the authorization server, and complete the extra sign-in step it asks for.",
    ),
    Pattern(
        SCOPE,
        _AZURE,
        ("authorizationpermissionmismatch", "not authorized to perform this operation using"),
        "The token was accepted but the identity lacks a data-plane RBAC role (for Storage: "
        "Storage Blob Data Reader/Contributor; Owner or Contributor are not enough).",
    ),
    Pattern(
        MISSING_TOKEN,
        _AZURE,
        ("noauthenticationinformation", "because of missing 'authorization' header"),
        "The request reached the service without an Authorization header.",
    ),
    # --- Spring Security -----------------------------------------------------------------
    Pattern(
        EXPIRED,
        _SPRING,
        ("jwt expired at",),
        "The token's exp lies in the past by the server's clock (Spring allows 60 s of skew; "
        "jjwt prints the same words).",
    ),
    Pattern(
        NOT_YET_VALID,
        _SPRING,
        ("jwt used before",),
        "The token's nbf lies in the future by the server's clock (60 s of skew allowed).",
    ),
    Pattern(
        UNKNOWN_KEY,
        _SPRING,
        ("another algorithm expected",),
        "Nimbus found no key matching the token's kid and alg. Often the algorithm: "
        "NimbusJwtDecoder expects RS256 unless told otherwise, so an ES256/ES384/PS256 token "
        "finds no key; otherwise the kid is not in the JWKS (wrong issuer-uri or jwk-set-uri, "
        "rotated key).",
        title="The server found no key for the token's kid and algorithm",
        fix="Compare the token's alg and kid with the JWKS: configure the decoder's algorithm "
        "(jwsAlgorithm(SignatureAlgorithm.ES384) or spring.security.oauth2.resourceserver.jwt."
        "jws-algorithms), or point jwk-set-uri at the issuer that signed the token.",
    ),
    Pattern(
        UNKNOWN_KEY,
        _SPRING,
        ("retrieve remote jwk set", "remote jwk set"),
        "The server could not load the issuer's JWK set, so it has no key to verify with "
        "(jwk-set-uri or issuer-uri unreachable or wrong).",
        also=("couldn't", "could not", "failed", "unable"),
    ),
    Pattern(
        BAD_SIGNATURE,
        _SPRING,
        ("signed jwt rejected: invalid signature",),
        "A key matched the token's kid but the signature did not verify: the token was "
        "altered or signed by another key with the same kid.",
    ),
    Pattern(
        ISSUER,
        _SPRING,
        (
            "not registered in trusted issuer repository",
            "the iss claim is not valid",
            "untrusted issuer",
        ),
        "The token's iss is not one the API trusts (exact string: host, path, trailing "
        "slash, /v2.0 all count).",
    ),
    Pattern(
        AUDIENCE,
        _SPRING,
        ("the aud claim is not valid", "the required audience is missing"),
        "The token's aud does not contain the audience this API requires.",
    ),
    Pattern(
        MALFORMED,
        _SPRING,
        ("bearer token is malformed", "invalid jwt serialization", "missing dot delimiter"),
        "The bearer value is not a well-formed JWT (or contains characters outside "
        "RFC 6750's b64token).",
    ),
    Pattern(
        SCOPE,
        _SPRING,
        ("requires higher privileges",),
        "The token was accepted but lacks the scope or authority this endpoint needs. "
        "Spring deliberately does not say which one.",
    ),
    Pattern(
        MISSING_TOKEN,
        _SPRING,
        ("full authentication is required", "an authentication object was not found"),
        "Spring treated the request as anonymous: no credentials it reads reached it (header "
        "missing or stripped, or the resource-server filter is not active so another scheme "
        "such as Basic took over).",
    ),
    Pattern(
        WRONG_TOKEN_TYPE,
        _SPRING,
        ("typ (type)",),
        "The server requires a typed access token (typ at+jwt, RFC 9068) and this token's typ "
        "differs: an ID token or a plain JWT.",
        also=("not allowed", "required", "rejected"),
    ),
    # --- Envoy / Istio ---------------------------------------------------------------------
    Pattern(EXPIRED, _ENVOY, ("jwt is expired",), "The token's exp lies in the past."),
    Pattern(NOT_YET_VALID, _ENVOY, ("jwt not yet valid",), "The token's nbf lies in the future."),
    Pattern(
        BAD_SIGNATURE,
        _ENVOY,
        ("jwt verification fails",),
        "A key was found but the signature did not verify with it.",
    ),
    Pattern(
        UNKNOWN_KEY,
        _ENVOY,
        ("jwks doesn't have key", "jwks does not have key", "jwks remote fetch"),
        "No key in the provider's JWKS matches the token's kid or alg (or the JWKS could not "
        "be fetched): wrong jwksUri, another issuer's token, or a rotated key.",
    ),
    Pattern(
        ISSUER,
        _ENVOY,
        ("jwt issuer is not configured",),
        "No provider is configured for the token's iss. The match is exact: an internal versus "
        "external host name, http versus https, or a trailing slash is enough.",
    ),
    Pattern(
        AUDIENCE,
        _ENVOY,
        ("audiences in jwt are not allowed",),
        "None of the token's aud values is in the provider's audiences list.",
    ),
    Pattern(
        MISSING_TOKEN,
        _ENVOY,
        ("jwt is missing",),
        "No token was found where the provider looks (Authorization: Bearer by default, or "
        "its configured headers and query parameters).",
    ),
    Pattern(
        MALFORMED,
        _ENVOY,
        (
            "jwt header is an invalid json",
            "jwt payload is an invalid json",
            "not in the form of header.payload.signature",
            "jwt header [alg] field is required",
            "jwt is not in the form",
        ),
        "The token is not a well-formed JWS: wrong number of parts, or a part that is not "
        "base64url-encoded JSON.",
    ),
    # --- Kong -----------------------------------------------------------------------------
    Pattern(
        EXPIRED,
        _KONG,
        ("claim exceeds maximum allowed expiration",),
        "The token's exp is further in the future than the plugin's maximum_expiration allows.",
        title="The server says the token's expiry is too far in the future",
        fix="Issue shorter-lived tokens, or raise maximum_expiration in the plugin config.",
    ),
    Pattern(
        UNKNOWN_KEY,
        _KONG,
        ("no credentials found for given",),
        "Kong looks up a consumer's JWT credential by the claim named in key_claim_name (iss "
        "by default) and found none, so it has no secret or key to verify with.",
        fix="Create a jwt credential whose key equals the token's iss (or the configured "
        "key_claim_name), or change key_claim_name to the claim that carries it.",
    ),
    Pattern(
        ISSUER,
        _KONG,
        ("no mandatory 'iss' in claims",),
        "The token has no iss (or no claim named by key_claim_name), which Kong needs to find "
        "the consumer's credential.",
    ),
    Pattern(
        MALFORMED,
        _KONG,
        ("bad token; invalid", "unrecognizable token", "multiple tokens provided"),
        "The token could not be decoded as a JWT (or several tokens were sent at once).",
    ),
    # --- AWS --------------------------------------------------------------------------------
    Pattern(
        AUDIENCE,
        _AWS,
        ("does not have a valid audience",),
        "The token's aud (or client_id when aud is absent) is not in the authorizer's "
        "audience list.",
    ),
    Pattern(
        BAD_SIGNATURE,
        _GOJWT,
        ("signing method",),
        "The token's alg is not one the verifier accepts. AWS HTTP API JWT authorizers "
        "verify RSA-signed tokens only: an ES256 or HS256 token fails here.",
        also=("invalid", "unavailable", "not allowed", "not supported"),
        title="The server does not accept the token's signing algorithm",
        fix="Have the issuer sign with an algorithm the server accepts (RS256 for AWS JWT "
        "authorizers), or allow the token's alg in the server's configuration.",
    ),
    Pattern(
        MALFORMED,
        _AWS,
        (
            "not a valid key=value pair",
            "authorization header requires",
            "incompletesignatureexception",
        ),
        "API Gateway read the Authorization header as an AWS Signature V4 header: the route "
        "uses IAM authorization (or no custom/JWT authorizer is attached), so a Bearer token "
        "is parsed as SigV4 key=value pairs.",
        title="The server expected an AWS SigV4 signature, not a Bearer token",
        fix="Attach the JWT/Lambda authorizer to this route and method (and redeploy the "
        "stage), or sign the request with SigV4 if IAM authorization is intended.",
    ),
    Pattern(
        MISSING_TOKEN,
        _AWS,
        ("missing authentication token", "missingauthenticationtokenexception"),
        "API Gateway also answers this for a path or method that does not exist in the "
        "deployed stage, not only for a request without credentials.",
        hint=True,
        title="The server says no token came (API Gateway also says this for an unknown route)",
        fix="Check the URL, stage and method against the deployed API first; then that the "
        "request carries the credentials the route expects.",
    ),
    Pattern(
        BAD_SIGNATURE,
        "AWS Signature V4",
        (
            "signaturedoesnotmatch",
            "signature we calculated does not match",
            "invalidsignatureexception",
        ),
        "The request's SigV4 signature does not match: wrong secret key, wrong region or "
        "service, a changed header or body, or the request was altered after signing.",
        fix="Recompute the signature with the right credentials, region and service; sign the "
        "exact headers and body that are sent.",
    ),
    Pattern(
        SCOPE,
        _AWS,
        ("with an explicit deny",),
        "The credentials were accepted, but the authorizer's or a resource/IAM policy "
        "explicitly denies this action.",
        title="The server says a policy denies this request",
        fix="Check the policy the Lambda authorizer returns (and its cached result) and the "
        "API's resource policy for this method and path.",
    ),
    # --- golang-jwt ----------------------------------------------------------------------
    Pattern(
        NOT_YET_VALID,
        _GOJWT,
        ("token is not valid yet", "token used before issued"),
        "The token's nbf (or iat) lies in the future by the server's clock.",
    ),
    Pattern(
        MALFORMED,
        _GOJWT,
        ("token is malformed", "token contains an invalid number of segments"),
        "The token is not a well-formed JWT (three base64url parts).",
    ),
    Pattern(
        UNKNOWN_KEY,
        _GOJWT,
        ("error while executing keyfunc",),
        "The server's key lookup failed: no key for the token's kid in its JWKS, or the "
        "JWKS could not be loaded.",
    ),
    Pattern(
        BAD_SIGNATURE,
        _GOJWT,
        ("key is of invalid type",),
        "The server's key does not fit the token's alg: an HS256 token against an RSA key, or "
        "an RS256 token against a shared secret.",
        title="The server's key does not fit the token's signing algorithm",
    ),
    # --- node: jsonwebtoken / express-jwt ------------------------------------------------
    Pattern(
        NOT_YET_VALID,
        _NODE,
        ("jwt not active",),
        "The token's nbf lies in the future (NotBeforeError).",
    ),
    Pattern(EXPIRED, _NODE, ("jwt expired",), "The token's exp lies in the past."),
    Pattern(
        MALFORMED,
        _NODE,
        ("jwt malformed", "format is authorization: bearer", "credentials_bad_format"),
        "The value is not a JWT, or the header is not 'Authorization: Bearer <token>'.",
    ),
    Pattern(
        BAD_SIGNATURE,
        _NODE,
        ("jwt signature is required",),
        "The token has no signature (alg none or an empty third part) and the server requires one.",
    ),
    Pattern(
        MISSING_TOKEN,
        _NODE,
        ("no authorization token was found", "jwt must be provided"),
        "No token reached the middleware (header missing, stripped, or not 'Bearer').",
    ),
    Pattern(
        UNKNOWN_KEY,
        _NODE,
        ("secret or public key must be provided",),
        "The server had no secret or key to verify with: an unset environment variable, or a "
        "JWKS lookup that found nothing for the token's kid.",
    ),
    # --- jose / express-oauth2-jwt-bearer -------------------------------------------------
    Pattern(
        MALFORMED,
        _JOSE,
        ("invalid compact jws", "jwsinvalid"),
        "The token is not a signed JWT with three parts: often an opaque or encrypted (JWE) token.",
    ),
    Pattern(
        WRONG_TOKEN_TYPE,
        _JOSE,
        ("invalid compact jws",),
        "With Auth0, an access token requested without the API's audience is opaque or "
        "encrypted (good for /userinfo only), so the API cannot read it.",
        hint=True,
        companion=True,
        title="The token may be the wrong kind: one requested without the API's audience",
        fix="Request the access token with audience=<API identifier> (getAccessTokenSilently "
        "({ authorizationParams: { audience } })) and send that token.",
    ),
    Pattern(
        EXPIRED,
        _JOSE,
        ("'exp' claim timestamp check failed",),
        "The token's exp lies in the past.",
    ),
    Pattern(
        NOT_YET_VALID,
        _JOSE,
        ("'nbf' claim timestamp check failed", "'iat' claim timestamp check failed"),
        "The token's nbf (or iat) lies in the future by the server's clock.",
    ),
    Pattern(
        AUDIENCE,
        _JOSE,
        ("unexpected 'aud' claim value",),
        "The token's aud is not the one the verifier pins. An Okta org authorization server "
        "sets aud to the Okta domain; only ID tokens carry the client id.",
    ),
    Pattern(
        ISSUER,
        _JOSE,
        ("unexpected 'iss' claim value",),
        "The token's iss is not the one the verifier pins.",
    ),
    Pattern(
        UNKNOWN_KEY,
        "jose / PyJWKClient",
        (
            "no applicable key found in the json web key set",
            "jwksnomatchingkey",
            "unable to find a signing key that matches",
        ),
        "The JWKS has no key for the token's kid (and alg): another issuer's token, or a "
        "rotated key.",
    ),
    Pattern(
        BAD_SIGNATURE,
        "jose / PyJWT",
        ("signature verification failed",),
        "A key was found but the signature did not verify with it.",
    ),
    # --- Django REST framework / simplejwt ----------------------------------------------
    Pattern(
        MISSING_TOKEN,
        _DRF,
        ("authentication credentials were not provided", "no credentials provided"),
        "No credentials reached Django: Apache mod_wsgi drops Authorization unless "
        "WSGIPassAuthorization On, or the scheme is not the one configured (Bearer, JWT, "
        "Token), or only the scheme was sent.",
        fix="Send 'Authorization: <scheme> <token>' with the scheme the app expects; behind "
        "mod_wsgi set WSGIPassAuthorization On.",
    ),
    Pattern(
        MALFORMED,
        _DRF,
        ("invalid token header", "must contain two space-delimited values"),
        "The Authorization value is not '<scheme> <token>': spaces or invalid characters in "
        "the token.",
    ),
    Pattern(
        WRONG_TOKEN_TYPE,
        _DRF,
        ("token has wrong type",),
        "simplejwt: a refresh token was sent where an access token belongs (or the reverse).",
    ),
    Pattern(
        EXPIRED,
        _DRF,
        ("given token not valid for any token type",),
        "simplejwt rejected the token for every configured token class; its per-class "
        "message says why. Most often the token expired; 'Token has wrong type' means a "
        "refresh token was sent.",
        hint=True,
        title="The server rejected the token for every token type (most often: expired)",
    ),
    Pattern(
        EXPIRED,
        _DRF,
        ("token is invalid or expired",),
        "simplejwt uses one message for an expired token and for a bad signature (wrong "
        "SIGNING_KEY): expiry is the common case.",
        hint=True,
        title="The server says the token is invalid or expired",
    ),
    # --- FastAPI --------------------------------------------------------------------------
    Pattern(
        MISSING_TOKEN,
        "FastAPI security (HTTPBearer, OAuth2PasswordBearer)",
        ("not authenticated",),
        "FastAPI found no credentials: no Authorization header, or a bare token without "
        "'Bearer ' (it splits on the first space, so it reads no credentials).",
    ),
    # --- Google ---------------------------------------------------------------------------
    Pattern(
        SCOPE,
        _GOOGLE,
        (
            "insufficient authentication scopes",
            "access_token_scope_insufficient",
            "insufficientpermissions",
            "insufficient permission",
        ),
        "The access token was granted without a scope this API method needs (the user "
        "consented to fewer scopes, or the app never asked).",
    ),
    Pattern(
        MISSING_TOKEN,
        _GOOGLE,
        ("missing required authentication credential",),
        "No OAuth 2 access token, API key or cookie reached the API.",
    ),
    Pattern(
        MALFORMED,
        _GOOGLE,
        ("request had invalid authentication credentials",),
        "Google says this for an expired or revoked access token as well as for a value that "
        "is not an OAuth access token at all (an ID token, an API key, a garbled token).",
        hint=True,
        title="The server says the credentials are invalid (expired, revoked or not an access "
        "token)",
        fix="Get a fresh access token (they last an hour) and send it as 'Bearer <token>'; "
        "check it is an access token (ya29....), not an ID token.",
    ),
    Pattern(
        MALFORMED,
        "FastAPI HTTPBearer",
        ("invalid authentication credentials",),
        "FastAPI's HTTPBearer says this when the scheme is not Bearer (JWT, Token, a typo); "
        "apps also reuse the words for any token they reject.",
        hint=True,
        title="The server says the credentials are invalid (often: the scheme is not Bearer)",
        fix="Send 'Authorization: Bearer <token>' exactly; if it already is, look at the "
        "token itself (expiry, signature, audience).",
    ),
    Pattern(
        WRONG_TOKEN_TYPE,
        "Google Cloud Run / Cloud Functions / IAP",
        ("your client does not have permission to the requested url",),
        "Possibly the wrong kind of token: these services want a Google-signed ID token whose "
        "aud is the service URL, and refuse an OAuth access token. It can also mean the "
        "caller lacks the invoker role.",
        hint=True,
        title="The server refused the token: it may need an ID token, not an access token",
        fix="Send an ID token for the service URL (gcloud auth print-identity-token "
        "--audiences=<service URL>), and check the caller has roles/run.invoker.",
    ),
    # --- GitHub -------------------------------------------------------------------------
    Pattern(
        EXPIRED,
        _GITHUB,
        ("bad credentials",),
        "GitHub does not accept the token: it is invalid, expired or revoked (the contract "
        "has no narrower code; GitHub tokens are opaque, so only GitHub can tell which).",
        title="The server does not accept the token (invalid, expired or revoked)",
        fix="Create or fetch a new token (check its expiry and that it was not revoked) and "
        "send it as 'Authorization: Bearer <token>'.",
    ),
    Pattern(
        EXPIRED,
        _GITHUB,
        ("is too far in the future",),
        "The app JWT's exp is more than 10 minutes after GitHub's clock: the client's clock "
        "runs ahead, or exp = iat + 600 was computed without margin.",
        title="The server says the token's expiry is too far in the future",
        fix="Sync the client clock (NTP); backdate iat by 60 s and keep exp under 10 minutes "
        "from GitHub's now (e.g. iat = now - 60, exp = now + 540).",
    ),
    Pattern(
        NOT_YET_VALID,
        _GITHUB,
        ("('iat') must be an integer representing a time in the past",),
        "The app JWT's iat is ahead of GitHub's clock: the client's clock runs ahead.",
        fix="Sync the client clock (NTP) and backdate iat by 60 s.",
    ),
    Pattern(
        ISSUER,
        _GITHUB,
        ("claim ('iss') must be",),
        "The app JWT's iss must be the GitHub App's id (or client id).",
    ),
    Pattern(
        MALFORMED,
        _GITHUB,
        ("a json web token could not be decoded",),
        "The app JWT could not be decoded: not a JWT, or signed with the wrong key format.",
    ),
    Pattern(
        SCOPE,
        _GITHUB,
        ("resource not accessible by",),
        "The token is valid but lacks the permission (fine-grained token or app permission, "
        "or repository access) this endpoint needs.",
    ),
    # --- registries -----------------------------------------------------------------------
    Pattern(
        SCOPE,
        "Docker / OCI registry",
        ("authentication required",),
        "The registry's token does not cover this repository and action: a wrong repository "
        "name (library/ prefix for official images), a repository that does not exist, or no "
        "pull/push right. Registries answer 401 with insufficient_scope.",
        when_challenge="insufficient_scope",
    ),
    Pattern(
        SCOPE,
        "Docker / OCI registry",
        ("authentication required: [",),
        "The registry lists the access (repository, action) the token did not cover.",
        also=("action",),
    ),
    # --- others ----------------------------------------------------------------------------
    Pattern(
        ISSUER,
        _KEYCLOAK,
        ("invalid token issuer",),
        "The token's iss (its realm URL, host included) is not the one the server expects: "
        "the token was obtained through another host name (in-cluster versus external).",
        fix="Obtain the token through the same host name the server uses as its frontend URL "
        "(KC_HOSTNAME), or align the server's expected issuer.",
    ),
    Pattern(
        EXPIRED,
        _KEYCLOAK,
        ("token is not active",),
        "The token's exp has passed (Keycloak also says this while nbf is in the future).",
    ),
    Pattern(
        BAD_SIGNATURE,
        _KEYCLOAK,
        ("invalid token signature",),
        "The signature did not verify with the realm's key: a token from another realm or "
        "server, or one the realm's key rotation no longer covers.",
    ),
    Pattern(
        MALFORMED,
        "Okta",
        ("cannot be presented in a query string",),
        "The server refuses a token in the URL query string (RFC 6750 §2.3 discourages it).",
        title="The server refuses a token in the query string",
        fix="Send it in the header instead: 'Authorization: Bearer <token>'.",
    ),
    Pattern(
        MALFORMED,
        "hapi-auth-jwt",
        ("bad http authentication header format",),
        "The Authorization header is not 'Bearer <token>' (usually the Bearer prefix is missing).",
    ),
    Pattern(
        EXPIRED, "WSO2 API Manager", ("the access token expired",), "The token's exp has passed."
    ),
    Pattern(
        BAD_SIGNATURE,
        "Kong / jsonwebtoken / PyJWT",
        (
            "invalid algorithm",
            "alg value is not allowed",
            "algorithm not allowed",
            "(algorithm) header parameter value not allowed",
        ),
        "The token's alg is not one the server allows.",
        title="The server does not accept the token's signing algorithm",
        fix="Have the issuer sign with an algorithm the server accepts, or allow the token's "
        "alg in the server's configuration (never 'none', never HS* with a public key).",
    ),
    Pattern(
        MALFORMED,
        _PYJWT,
        (
            "not enough segments",
            "too many segments",
            "invalid header padding",
            "invalid payload padding",
            "invalid crypto padding",
            "invalid header string",
            "invalid payload string",
            "invalid token type. token must be",
        ),
        "The token is not a well-formed JWT: wrong number of parts or bad base64url.",
    ),
    Pattern(
        EXPIRED,
        _PYJWT,
        ("signature has expired",),
        "Despite the name, the token's exp lies in the past (ExpiredSignatureError).",
    ),
    Pattern(
        NOT_YET_VALID,
        _PYJWT,
        ("the token is not yet valid",),
        "The token's nbf or iat lies in the future (ImmatureSignatureError).",
    ),
)

PATTERNS: tuple[Pattern, ...] = _VENDOR_ROWS
"""Every row, in the order they are tried."""
