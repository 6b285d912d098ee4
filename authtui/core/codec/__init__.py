"""The encodings tokens and keys are written in: lenient base64url and exact JSON.

Takes text or bytes as pasted; gives decoded bytes and JSON values (exact), with notes.
"""
