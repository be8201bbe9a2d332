"""extractor: progress-report attachments to grounded JSON."""
