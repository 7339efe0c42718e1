Extension: ExtReplacesHandover
Id: ext-replaces-handover
Title: "Replaces handover (vervangt overdracht)"
Description: "On a handover Task: the earlier handover Task this correction replaces. The earlier Task is cancelled; its document stays stored and unchanged."
* ^context.type = #element
* ^context.expression = "Task"
* value[x] only Reference(GkHandoverTask)
