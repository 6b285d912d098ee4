"""What was pasted: the paste reader, its line classifiers, HAR, curl commands, shell words.

Takes the text as the user pasted it; gives a Paste: exchanges, standalone tokens, notes.
"""
