"""Writing a schedule out for the patient: the printed plan (PDF), CSV and phone reminders (iCalendar)."""
