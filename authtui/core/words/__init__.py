"""What the server said, read for meaning: its messages from any place, the vendor
table, the general reader, and the ``server.*`` findings.

Takes an exchange and its challenges; gives each message with its place
(:mod:`.sources`, :mod:`.bodies`), what each says (:mod:`.table` first, then
:mod:`.meaning` with its :mod:`.vocabulary`), and the findings (:mod:`.reader`).
"""
