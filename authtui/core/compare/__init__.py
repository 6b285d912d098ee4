"""Two diagnosed reports (and the contexts they came from) -> which side works, the
differences that can explain why the other does not, ranked, and one headline."""
