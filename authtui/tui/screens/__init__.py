"""The main screen, and the modal screens: help, workshop cases, save report, ..."""
