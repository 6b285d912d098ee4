"""Modal screens: help, workshop cases, save report."""
