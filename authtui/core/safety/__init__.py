"""Foreign input made safe: the terminal boundary and the secrets scrubber.

Takes untrusted text and a diagnosis; gives text safe to show and a report with secrets hidden.
"""
