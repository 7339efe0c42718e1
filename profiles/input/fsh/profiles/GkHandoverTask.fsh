Profile: GkHandoverTask
Parent: Task
Id: gk-handover-task
Title: "GK Handover task (overdrachtstaak)"
Description: """
The workflow of one handover (overdracht): the sending organisation (requester) asks the receiving
organisation (owner) to take over care; focus is the handover document (Bundle type document).
Status requested → accepted / rejected (with statusReason) → completed; cancelled when withdrawn or
replaced by a correction (ext-replaces-handover on the new Task). Only the owner may accept or reject:
the authorisation layer compares the caller's organisation with `Task.owner`.
Follows: FHIR workflow (Task), domain brief §1 ("each handover is addressed to one receiving
organisation, which accepts or rejects it").
Not derived from nl-core: zib2020 has no workflow Task.
"""
* code 1..1 MS
* code = $sct#308292007 "Transfer of care"
* status MS
* status from GkHandoverTaskStatusVS (required)
* statusReason MS
* statusReason ^short = "Required when rejected or cancelled"
* intent = #order
* requester 1..1 MS
* requester only Reference(GkOrganization)
* requester ^short = "Sending organisation (zender)"
* owner 1..1 MS
* owner only Reference(GkOrganization)
* owner ^short = "Receiving organisation (ontvanger); only it may accept or reject"
* focus 1..1 MS
* focus only Reference(Bundle)
* focus ^short = "The handover document (Bundle type document)"
* for 1..1 MS
* for only Reference(GkPatient)
* for ^short = "The mother (or the child)"
* authoredOn 1..1 MS
* extension contains ExtReplacesHandover named replaces 0..1 MS
* insert PointsAtMaternalRecord(1..1)
* obeys gk-handover-task-1

Invariant: gk-handover-task-1
Description: "Een afgewezen of ingetrokken overdracht heeft een reden (statusReason) — a rejected or cancelled handover needs a statusReason."
Severity: #error
Expression: "(status = 'rejected' or status = 'cancelled') implies statusReason.exists()"
