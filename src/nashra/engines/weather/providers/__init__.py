"""Weather provider clients; each returns a normalised :class:`~..report.Report`."""
