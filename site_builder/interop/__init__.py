"""Other tools' formats: LinkedIn and vCard imports, vCard and iCalendar exports."""
