"""Derive the Wagtail admin access permission from role assignments."""

from django.contrib.auth.backends import BaseBackend

ADMIN_ACCESS = "wagtailadmin.access_admin"


class RolePermissionBackend(BaseBackend):
    """Staff with any role in an active organization may enter the admin.

    Storing this as a group membership as well would be a second record of the same fact, free to
    drift from the role assignments.
    """

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_loa_role_perms"):
            has_role = user_obj.role_assignments.filter(organization__is_active=True).exists()
            user_obj._loa_role_perms = {ADMIN_ACCESS} if has_role else set()
        return user_obj._loa_role_perms

    def has_perm(self, user_obj, perm: str, obj=None) -> bool:
        return perm in self.get_all_permissions(user_obj, obj)
