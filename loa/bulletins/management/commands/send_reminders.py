from django.core.management.base import BaseCommand
from django.utils import timezone

from loa.bulletins.queue import send_deadline_reminders
from loa.bulletins.quota import remind_laggards


class Command(BaseCommand):
    help = (
        "Remind appraisers of deadlines that are near, and, from the 20th of the month, the"
        " organizations behind their monthly quota. Run it daily (cron or a systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quota", action="store_true", help="Send quota reminders today.")

    def handle(self, *args, quota: bool = False, **options):
        deadlines = send_deadline_reminders()
        today = timezone.localdate()
        laggards = remind_laggards(today) if quota or today.day == 20 else 0
        self.stdout.write(f"Nhắc hạn thẩm định: {deadlines}; nhắc chỉ tiêu tháng: {laggards}.")
