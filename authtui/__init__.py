"""authtui: why was this HTTP request refused with 401 or 403?"""

__version__ = "0.1.0"
