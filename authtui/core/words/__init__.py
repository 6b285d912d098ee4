"""What the server said, read for meaning: error texts from any place, the table, the reader.

Takes an exchange and its challenges; gives each message with its place, and server.* findings.
"""
