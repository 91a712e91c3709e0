// Moddle extension for our namespace: bpmn-js then reads, edits and writes wbpm:* attributes as typed properties.
export const wbpmModdle = {
  "name": "Wbpm",
  "uri": "http://wbpm.dev/schema/bpmn",
  "prefix": "wbpm",
  "xml": {
    "tagAlias": "lowerCase"
  },
  "associations": [],
  "types": [
    {
      "name": "UserTaskProperties",
      "isAbstract": true,
      "extends": [
        "bpmn:UserTask"
      ],
      "properties": [
        {
          "name": "assignee",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "candidateUsers",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "candidateGroups",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "dueDate",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "followUpDate",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "priority",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "formKey",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "form",
          "isAttr": true,
          "type": "String"
        }
      ]
    },
    {
      "name": "WorkerTaskProperties",
      "isAbstract": true,
      "extends": [
        "bpmn:ServiceTask",
        "bpmn:SendTask",
        "bpmn:BusinessRuleTask"
      ],
      "properties": [
        {
          "name": "type",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "topic",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "retries",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "retryTimeCycle",
          "isAttr": true,
          "type": "String"
        }
      ]
    },
    {
      "name": "AsyncProperties",
      "isAbstract": true,
      "extends": [
        "bpmn:FlowNode"
      ],
      "properties": [
        {
          "name": "asyncBefore",
          "isAttr": true,
          "type": "Boolean"
        },
        {
          "name": "asyncAfter",
          "isAttr": true,
          "type": "Boolean"
        }
      ]
    },
    {
      "name": "CorrelationProperties",
      "isAbstract": true,
      "extends": [
        "bpmn:MessageEventDefinition",
        "bpmn:ReceiveTask"
      ],
      "properties": [
        {
          "name": "correlationKey",
          "isAttr": true,
          "type": "String"
        }
      ]
    }
  ]
};
