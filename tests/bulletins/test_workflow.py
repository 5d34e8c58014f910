"""Every step of a request's life, and the refusals: wrong role, wrong unit, wrong order, races."""

from datetime import datetime

import pytest
from wagtail.models import ModelLogEntry

from loa.bulletins import workflow
from loa.bulletins.models import (
    AudienceTarget,
    ChannelPolicy,
    Conclusion,
    PublicationRequest,
    ScopeLevel,
    State,
)
from loa.bulletins.workflow import WorkflowError
from tests.bulletins.conftest import LONG_THANH, TRAN_BIEN, VN, make_request

pytestmark = pytest.mark.django_db

ALL_PASS = {"lawful": True, "no_state_secrets": True, "copyright_respected": True,
            "decent": True, "presentable": True}


def refusal_details(**overrides):
    details = {"reasons": "Ảnh đại diện có độ phân giải thấp.", "requested_changes": "Thay ảnh.",
               "notice_number": "15/TB-PC06", "signer_name": "Phạm Thị Hoa",
               "signer_title": "Trưởng phòng"}
    details.update(overrides)
    return details


@pytest.fixture
def ward_request(demo):
    return make_request(
        demo.orgs[f"UBND-{TRAN_BIEN}"], scope_units=[demo.units[TRAN_BIEN]],
        user=demo.users["ubnd.tranbien.tacgia"],
    )


@pytest.fixture
def justice_request(demo):
    return make_request(
        demo.orgs["DNI-STP"], scope_level=ScopeLevel.PROVINCE, scope_units=[demo.units["75"]],
        user=demo.users["stp.tacgia"],
    )


def test_the_whole_way_to_a_scheduled_bulletin(demo, ward_request):
    users = demo.users
    new_round = workflow.submit(users["ubnd.tranbien.chutich"], ward_request,
                                now=datetime(2026, 2, 12, 9, 0, tzinfo=VN))
    assert ward_request.state == State.UNDER_APPRAISAL
    assert new_round.handler.code == f"CA-{TRAN_BIEN}"
    # Received Thursday 12 Feb 2026, just before Tết: six working days end on Friday 27 Feb.
    assert new_round.deadline.date() == datetime(2026, 2, 27).date()
    workflow.appraise(users["ca.tranbien.thamdinh"], ward_request, ALL_PASS, Conclusion.RECOMMEND_APPROVAL)
    assert ward_request.state == State.AWAITING_APPROVAL
    workflow.approve(users["ca.tranbien.truong"], ward_request)
    assert ward_request.state == State.APPROVED
    assert list(AudienceTarget.objects.filter(request=ward_request).values_list("unit__code", flat=True)) == [TRAN_BIEN]
    actions = set(ModelLogEntry.objects.filter(object_id=str(ward_request.pk)).values_list("action", flat=True))
    assert {"loa.request.submit", "loa.request.appraise", "loa.request.approve"} <= actions


def test_the_deadline_follows_the_province_policy(demo, justice_request):
    ChannelPolicy.objects.create(province=demo.units["75"], appraisal_working_days=10)
    new_round = workflow.submit(demo.users["stp.lanhdao"], justice_request,
                                now=datetime(2026, 2, 12, 16, 0, tzinfo=VN))
    assert new_round.deadline.date() == datetime(2026, 3, 5).date()
    assert new_round.handler.code == "DNI-PC06"


def test_refusal_sends_a_notice_and_resubmission_opens_a_new_round(demo, justice_request):
    users = demo.users
    workflow.submit(users["stp.lanhdao"], justice_request, now=datetime(2026, 3, 2, 9, tzinfo=VN))
    workflow.appraise(users["pc06.thamdinh"], justice_request, {**ALL_PASS, "presentable": False},
                      Conclusion.RECOMMEND_REFUSAL, remarks="Ảnh mờ")
    notice = workflow.refuse(users["pc06.lanhdao"], justice_request, **refusal_details())
    assert justice_request.state == State.RETURNED
    assert notice.issuer.code == "DNI-PC06" and notice.place == "Đồng Nai"
    assert notice.decision.round.number == 1
    # The author revises, the head resubmits: round 2 with a fresh deadline.
    justice_request.title = "Cảnh giác lừa đảo qua mạng (bản sửa)"
    workflow.save_draft(users["stp.tacgia"], justice_request)
    second = workflow.submit(users["stp.lanhdao"], justice_request, now=datetime(2026, 3, 16, 9, tzinfo=VN))
    assert second.number == 2
    assert second.deadline.date() == datetime(2026, 3, 24).date()
    assert second.revision.content["title"].endswith("(bản sửa)")
    assert justice_request.rounds.get(number=1).revision.content["title"] == "Cảnh giác với thủ đoạn lừa đảo qua mạng"


def test_national_scope_needs_the_ministry(demo):
    users = demo.users
    request = make_request(demo.orgs["DNI-STP"], scope_level=ScopeLevel.NATIONAL,
                           national_justification="Thủ đoạn lừa đảo lan rộng toàn quốc.")
    workflow.submit(users["stp.lanhdao"], request)
    workflow.appraise(users["pc06.thamdinh"], request, ALL_PASS, Conclusion.RECOMMEND_APPROVAL)
    workflow.approve(users["pc06.lanhdao"], request)
    assert request.state == State.AWAITING_MINISTRY
    assert not AudienceTarget.objects.filter(request=request).exists()
    with pytest.raises(WorkflowError):
        workflow.approve(users["pc06.lanhdao"], request)  # the province cannot approve twice
    assert request in workflow.visible_requests(users["c06.lanhdao"])
    workflow.approve(users["c06.lanhdao"], request)
    assert request.state == State.APPROVED
    assert AudienceTarget.objects.get(request=request).unit.code == "VN"


def test_the_ministry_can_refuse(demo):
    users = demo.users
    request = make_request(demo.orgs["DNI-STP"], scope_level=ScopeLevel.NATIONAL,
                           national_justification="Cần thiết")
    workflow.submit(users["stp.lanhdao"], request)
    workflow.appraise(users["pc06.thamdinh"], request, ALL_PASS, Conclusion.RECOMMEND_APPROVAL)
    workflow.approve(users["pc06.lanhdao"], request)
    notice = workflow.refuse(users["c06.lanhdao"], request, **refusal_details(notice_number="3/TB-C06"))
    assert notice.issuer.code == "BCA-C06" and notice.place == "Hà Nội"
    assert request.state == State.RETURNED


@pytest.mark.parametrize("username", ["ubnd.tranbien.tacgia", "stp.lanhdao", "ca.tranbien.thamdinh"])
def test_only_the_head_of_the_sender_submits(demo, ward_request, username):
    with pytest.raises(WorkflowError):
        workflow.submit(demo.users[username], ward_request)
    ward_request.refresh_from_db()
    assert ward_request.state == State.DRAFT and not ward_request.rounds.exists()


def test_appraisers_and_leaders_of_other_units_can_neither_see_nor_act(demo, ward_request):
    users = demo.users
    workflow.submit(users["ubnd.tranbien.chutich"], ward_request)
    for outsider in ("ca.longthanh.thamdinh", "ca.longthanh.truong", "stp.tacgia"):
        assert ward_request not in workflow.visible_requests(users[outsider])
        with pytest.raises(WorkflowError):
            workflow.appraise(users[outsider], ward_request, ALL_PASS, Conclusion.RECOMMEND_APPROVAL)
    assert ward_request in workflow.visible_requests(users["ca.tranbien.thamdinh"])
    assert ward_request in workflow.visible_requests(users["ubnd.tranbien.tacgia"])
    assert ward_request not in workflow.visible_requests(users["ubnd.longthanh.tacgia"])


def test_steps_cannot_be_skipped(demo, ward_request):
    users = demo.users
    with pytest.raises(WorkflowError):
        workflow.approve(users["ca.tranbien.truong"], ward_request)  # not even submitted
    workflow.submit(users["ubnd.tranbien.chutich"], ward_request)
    with pytest.raises(WorkflowError):
        workflow.approve(users["ca.tranbien.truong"], ward_request)  # not appraised
    with pytest.raises(WorkflowError):
        workflow.withdraw(users["ca.tranbien.truong"], ward_request, "Sai")
    with pytest.raises(WorkflowError):
        workflow.save_draft(users["ubnd.tranbien.tacgia"], ward_request)  # locked while appraised


def test_the_checklist_must_back_the_conclusion(demo, ward_request):
    users = demo.users
    workflow.submit(users["ubnd.tranbien.chutich"], ward_request)
    with pytest.raises(WorkflowError):
        workflow.appraise(users["ca.tranbien.thamdinh"], ward_request, {**ALL_PASS, "decent": False},
                          Conclusion.RECOMMEND_APPROVAL)
    with pytest.raises(WorkflowError):
        workflow.appraise(users["ca.tranbien.thamdinh"], ward_request, {"lawful": True},
                          Conclusion.RECOMMEND_APPROVAL)
    with pytest.raises(WorkflowError):
        workflow.appraise(users["ca.tranbien.thamdinh"], ward_request, ALL_PASS,
                          Conclusion.RECOMMEND_REFUSAL, remarks="  ")
    assert ward_request.state == State.UNDER_APPRAISAL


def test_concurrent_actions_cannot_both_succeed(demo, ward_request):
    users = demo.users
    workflow.submit(users["ubnd.tranbien.chutich"], ward_request)
    workflow.appraise(users["ca.tranbien.thamdinh"], ward_request, ALL_PASS, Conclusion.RECOMMEND_APPROVAL)
    stale = PublicationRequest.objects.get(pk=ward_request.pk)  # a second leader's open page
    workflow.approve(users["ca.tranbien.truong"], ward_request)
    with pytest.raises(WorkflowError):
        workflow.refuse(users["ca.tranbien.truong"], stale, **refusal_details())
    ward_request.refresh_from_db()
    assert ward_request.state == State.APPROVED
    assert ward_request.rounds.get().decisions.count() == 1


def test_submitting_without_an_image_is_refused(demo):
    request = make_request(demo.orgs["DNI-STP"], scope_level=ScopeLevel.PROVINCE,
                           scope_units=[demo.units["75"]], image=None)
    with pytest.raises(WorkflowError) as error:
        workflow.submit(demo.users["stp.lanhdao"], request)
    assert "image" in error.value.message_dict


def test_withdrawal_takes_the_bulletin_down(demo, ward_request):
    users = demo.users
    workflow.submit(users["ubnd.tranbien.chutich"], ward_request)
    workflow.appraise(users["ca.tranbien.thamdinh"], ward_request, ALL_PASS, Conclusion.RECOMMEND_APPROVAL)
    workflow.approve(users["ca.tranbien.truong"], ward_request)
    with pytest.raises(WorkflowError):
        workflow.withdraw(users["ca.tranbien.truong"], ward_request, " ")
    with pytest.raises(WorkflowError):
        workflow.withdraw(users["ca.longthanh.truong"], ward_request, "Không phù hợp")
    workflow.withdraw(users["ca.tranbien.truong"], ward_request, "Thông tin đã cũ")
    assert ward_request.state == State.WITHDRAWN
    assert not AudienceTarget.objects.filter(request=ward_request).exists()


def test_the_provincial_police_leadership_decides_for_pc06(demo, justice_request):
    users = demo.users
    workflow.submit(users["stp.lanhdao"], justice_request)
    workflow.appraise(users["pc06.thamdinh"], justice_request, ALL_PASS, Conclusion.RECOMMEND_APPROVAL)
    assert justice_request in workflow.visible_requests(users["cat.quantri"])
    assert not workflow.can_decide(users["ca.longthanh.truong"], justice_request)
    workflow.approve(users["cat.quantri"], justice_request)
    assert justice_request.state == State.APPROVED


def test_requests_of_two_communes_stay_apart(demo):
    users = demo.users
    long_thanh = make_request(demo.orgs[f"UBND-{LONG_THANH}"], scope_units=[demo.units[LONG_THANH]])
    workflow.submit(users["ubnd.longthanh.chutich"], long_thanh)
    assert long_thanh.handler.code == f"CA-{LONG_THANH}"
    assert long_thanh not in workflow.visible_requests(users["ca.tranbien.truong"])


def test_the_provincial_leadership_does_not_decide_for_a_commune_police_unit(demo, ward_request):
    users = demo.users
    workflow.submit(users["ubnd.tranbien.chutich"], ward_request)
    workflow.appraise(users["ca.tranbien.thamdinh"], ward_request, ALL_PASS, Conclusion.RECOMMEND_APPROVAL)
    assert ward_request not in workflow.visible_requests(users["cat.quantri"])
    with pytest.raises(WorkflowError):
        workflow.approve(users["cat.quantri"], ward_request)


def test_a_unit_that_refused_still_sees_the_request_after_a_wider_scope_sends_it_on(
    demo, ward_request
):
    users = demo.users
    workflow.submit(users["ubnd.tranbien.chutich"], ward_request)
    workflow.appraise(users["ca.tranbien.thamdinh"], ward_request,
                      {**ALL_PASS, "presentable": False}, Conclusion.RECOMMEND_REFUSAL,
                      remarks="Ảnh mờ")
    workflow.refuse(users["ca.tranbien.truong"], ward_request, **refusal_details(
        notice_number="3/TB-CAP"))
    # The ward revises and widens the scope to the province: round 2 goes to the provincial PC06.
    ward_request.scope_level = ScopeLevel.PROVINCE
    ward_request.save()
    ward_request.scope_units.set([demo.units["75"]])
    second = workflow.submit(users["ubnd.tranbien.chutich"], ward_request)
    assert second.handler.code == "DNI-PC06"

    ward_police = users["ca.tranbien.thamdinh"]
    assert ward_request in workflow.visible_requests(ward_police)  # its refusal is in the file
    assert ward_request not in workflow.handled_requests(ward_police)  # but not in its queue
    with pytest.raises(WorkflowError):
        workflow.appraise(ward_police, ward_request, ALL_PASS, Conclusion.RECOMMEND_APPROVAL)
    assert ward_request in workflow.visible_requests(users["pc06.thamdinh"])
    assert ward_request not in workflow.visible_requests(users["ca.longthanh.thamdinh"])
