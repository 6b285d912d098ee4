"""Foreign input made safe: the terminal boundary and the secrets scrubber (by field in
``secrets``, applied to a whole report in ``redact``).

Takes untrusted text and a diagnosis; gives text safe to show and a report with secrets hidden.
"""
