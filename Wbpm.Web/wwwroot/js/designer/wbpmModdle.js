// Moddle extension for our namespace: bpmn-js then reads, edits and writes wbpm:* attributes as typed properties, and
// the wbpm:* extension elements (formDefinition, inputOutput, in/out) as typed children of bpmn:extensionElements.
// Element names follow tagAlias lowerCase: type FormDefinition is <wbpm:formDefinition>, In is <wbpm:in>.
// What each one means: docs/bpmn-support.md and docs/forms.md.
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
        },
        {
          "name": "withdrawable",
          "isAttr": true,
          "type": "String"
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
    },
    {
      "name": "ProcessProperties",
      "isAbstract": true,
      "extends": [
        "bpmn:Process"
      ],
      "properties": [
        {
          "name": "candidateStarterGroups",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "candidateStarterUsers",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "withdrawable",
          "isAttr": true,
          "type": "String"
        }
      ]
    },
    {
      "name": "MultiInstanceProperties",
      "isAbstract": true,
      "extends": [
        "bpmn:MultiInstanceLoopCharacteristics"
      ],
      "properties": [
        {
          "name": "collection",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "elementVariable",
          "isAttr": true,
          "type": "String"
        }
      ]
    },
    {
      "name": "ErrorEventProperties",
      "isAbstract": true,
      "extends": [
        "bpmn:ErrorEventDefinition"
      ],
      "properties": [
        {
          "name": "errorCodeVariable",
          "isAttr": true,
          "type": "String"
        }
      ]
    },
    {
      "name": "ScriptTaskProperties",
      "isAbstract": true,
      "extends": [
        "bpmn:ScriptTask"
      ],
      "properties": [
        {
          "name": "resultVariable",
          "isAttr": true,
          "type": "String"
        }
      ]
    },
    {
      "name": "FormDefinition",
      "superClass": [
        "Element"
      ],
      "meta": {
        "allowedIn": [
          "bpmn:UserTask",
          "bpmn:StartEvent"
        ]
      },
      "properties": [
        {
          "name": "fields",
          "type": "Field",
          "isMany": true
        },
        {
          "name": "outcomes",
          "type": "Outcome",
          "isMany": true
        }
      ]
    },
    {
      "name": "Field",
      "superClass": [
        "Element"
      ],
      "properties": [
        {
          "name": "key",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "label",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "type",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "required",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "min",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "max",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "pattern",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "default",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "readonly",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "options",
          "type": "Option",
          "isMany": true
        }
      ]
    },
    {
      "name": "Option",
      "superClass": [
        "Element"
      ],
      "properties": [
        {
          "name": "value",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "label",
          "isAttr": true,
          "type": "String"
        }
      ]
    },
    {
      "name": "Outcome",
      "superClass": [
        "Element"
      ],
      "properties": [
        {
          "name": "label",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "variable",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "value",
          "isAttr": true,
          "type": "String"
        }
      ]
    },
    {
      "name": "InputOutput",
      "superClass": [
        "Element"
      ],
      "properties": [
        {
          "name": "inputParameters",
          "type": "InputParameter",
          "isMany": true
        },
        {
          "name": "outputParameters",
          "type": "OutputParameter",
          "isMany": true
        }
      ]
    },
    {
      "name": "InputParameter",
      "superClass": [
        "Element"
      ],
      "properties": [
        {
          "name": "name",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "value",
          "isBody": true,
          "type": "String"
        }
      ]
    },
    {
      "name": "OutputParameter",
      "superClass": [
        "Element"
      ],
      "properties": [
        {
          "name": "name",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "value",
          "isBody": true,
          "type": "String"
        }
      ]
    },
    {
      "name": "In",
      "superClass": [
        "Element"
      ],
      "properties": [
        {
          "name": "source",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "sourceExpression",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "target",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "variables",
          "isAttr": true,
          "type": "String"
        }
      ]
    },
    {
      "name": "Out",
      "superClass": [
        "Element"
      ],
      "properties": [
        {
          "name": "source",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "sourceExpression",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "target",
          "isAttr": true,
          "type": "String"
        },
        {
          "name": "variables",
          "isAttr": true,
          "type": "String"
        }
      ]
    }
  ]
};
