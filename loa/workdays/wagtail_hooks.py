from wagtail import hooks

from .views import CalendarDayViewSet


@hooks.register("register_admin_viewset")
def register_calendar_day_viewset() -> CalendarDayViewSet:
    return CalendarDayViewSet("workdays_calendar")
