"""Minimal Django 5.2 project with django-oauth-toolkit as the resource server
(opaque access tokens looked up in its own database).

    python dotapp.py migrate|runserver|mint KIND
"""
import os
import sys
from datetime import timedelta

import django
from django.conf import settings

DB = os.path.join(os.environ.get("WORK", "."), "dot", "db.sqlite3")
os.makedirs(os.path.dirname(DB), exist_ok=True)
settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    SECRET_KEY="authtui-test-only",
    ROOT_URLCONF=__name__,
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": DB}},
    INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions",
                    "django.contrib.messages", "oauth2_provider"],
    MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
    OAUTH2_PROVIDER={"SCOPES": {"items:read": "Read items", "items:write": "Write items"}},
    USE_TZ=True,
)
django.setup()

from django.http import JsonResponse  # noqa: E402
from django.urls import include, path  # noqa: E402
from oauth2_provider.decorators import protected_resource, protected_resource_metadata  # noqa: E402


@protected_resource()
def items(request):
    return JsonResponse({"items": ["a", "b"], "user": request.resource_owner.username})


@protected_resource(scopes=["items:write"])
def admin(request):
    return JsonResponse({"admin": True})


@protected_resource_metadata()
def items_v2(request):
    return JsonResponse({"items": ["a", "b"], "user": request.resource_owner.username})


@protected_resource_metadata(scopes=["items:write"])
def admin_v2(request):
    return JsonResponse({"admin": True})


urlpatterns = [
    path("items", items),
    path("admin", admin),
    path("rfc9728/items", items_v2),
    path("rfc9728/admin", admin_v2),
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
]


def mint(kind):
    """Create an access token row and print it (valid, readonly, expired)."""
    import secrets
    from django.contrib.auth.models import User
    from django.utils import timezone
    from oauth2_provider.models import AccessToken, Application

    user, _ = User.objects.get_or_create(username="alice")
    app, _ = Application.objects.get_or_create(
        name="authtui", defaults=dict(client_type="confidential", authorization_grant_type="client-credentials",
                                      user=user))
    now = timezone.now()
    scope = "items:read" if kind == "readonly" else "items:read items:write"
    expires = now - timedelta(minutes=15) if kind == "expired" else now + timedelta(minutes=10)
    tok = AccessToken.objects.create(user=user, application=app, token=secrets.token_urlsafe(30),
                                     expires=expires, scope=scope)
    print(tok.token)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "mint":
        mint(sys.argv[2])
    else:
        from django.core.management import execute_from_command_line
        execute_from_command_line([sys.argv[0]] + sys.argv[1:])
