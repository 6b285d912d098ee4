"""Workshop cases: auth failures to demo without a single real secret, built for any ``now``.

Takes a case's name and the time; gives the paste and the settings a presenter would use.
"""
