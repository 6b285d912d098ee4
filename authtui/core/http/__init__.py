"""HTTP authentication grammar (RFC 9110 §11): challenges, credentials, Basic (RFC 7617).

Takes an exchange's header fields; gives challenges and credentials, each deviation a note.
"""
