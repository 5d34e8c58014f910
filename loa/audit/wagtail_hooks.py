from django.utils.translation import gettext_lazy as _
from wagtail import hooks

AUDIT_ACTIONS = {
    "loa.account.create": (_("Create account"), _("Account created")),
    "loa.account.disable": (_("Disable account"), _("Account disabled")),
    "loa.account.enable": (_("Enable account"), _("Account enabled")),
    "loa.role.grant": (_("Grant role"), _("Role granted")),
    "loa.role.revoke": (_("Revoke role"), _("Role revoked")),
    "loa.org.import": (_("Import organization"), _("Organization imported")),
    "loa.units.load": (_("Load administrative units"), _("Administrative units loaded")),
    "loa.workdays.change": (_("Change working-day calendar"), _("Working-day calendar changed")),
    "loa.request.save": (_("Save publication request"), _("Publication request saved")),
    "loa.request.submit": (_("Submit publication request"), _("Publication request submitted")),
    "loa.request.appraise": (_("Appraise publication request"), _("Publication request appraised")),
    "loa.request.approve": (_("Approve publication request"), _("Publication request approved")),
    "loa.request.refuse": (_("Refuse publication request"), _("Publication request refused")),
    "loa.request.withdraw": (_("Withdraw bulletin"), _("Bulletin withdrawn")),
    "loa.comment.publish": (_("Publish comment"), _("Comment published")),
    "loa.comment.hide": (_("Hide comment"), _("Comment hidden")),
    "loa.request.remind": (_("Remind of appraisal deadline"), _("Appraisal deadline reminder sent")),
    "loa.quota.remind": (_("Remind of monthly quota"), _("Monthly quota reminder sent")),
}


@hooks.register("register_log_actions")
def register_loa_actions(actions) -> None:
    for action, (label, message) in AUDIT_ACTIONS.items():
        actions.register_action(action, label, message)
