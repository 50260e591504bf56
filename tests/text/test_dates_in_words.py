"""A date on a Spanish page cannot be read two ways: Spanish abbreviates martes and marzo both
'mar', so 'mar 2 mar 2027' was printed; the weekday is then written in full."""

from datetime import date, timedelta

from planner.text.catalogue import speaking
from planner.text.dates import long_date, month_names


def test_no_spanish_date_has_a_weekday_that_reads_as_a_month():
    with speaking("es"):
        months = set(month_names())
        d = date(2027, 1, 1)
        for _ in range(400):
            weekday = long_date(d).split()[0]
            assert weekday not in months, long_date(d)
            d += timedelta(days=1)
        assert long_date(date(2027, 3, 2)) == "martes 2 mar 2027"


def test_english_dates_are_unchanged():
    assert long_date(date(2027, 3, 2)) == "Tue 2 Mar 2027"
