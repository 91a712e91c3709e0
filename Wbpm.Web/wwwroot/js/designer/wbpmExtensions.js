// The wbpm extension elements the properties panel edits as a whole (forms, input/output mappings, call activity
// mappings, multi-instance settings): moddle objects <-> the plain JSON records of ElementProperties.cs. The shapes
// on the .NET side are FormDefinitionData, MappingData, CallMappingData and MultiInstanceData (camelCase).

const text = value => (value === undefined || value === null || String(value).trim() === '') ? undefined : String(value);

/** What describe() adds for these parts of the selected element. */
export function describeExtensions(bo, eventDefinition) {
  const values = bo.extensionElements?.values ?? [];
  const form = values.find(v => v.$type === 'wbpm:FormDefinition');
  const io = values.find(v => v.$type === 'wbpm:InputOutput');
  const mi = bo.loopCharacteristics?.$type === 'bpmn:MultiInstanceLoopCharacteristics' ? bo.loopCharacteristics : null;
  const error = eventDefinition?.$type === 'bpmn:ErrorEventDefinition' ? eventDefinition.errorRef : null;
  const definitions = definitionsOf(bo);
  return {
    form: form ? describeForm(form) : null,
    inputs: (io?.inputParameters ?? []).map(p => ({ name: p.name ?? '', expression: p.value ?? '' })),
    outputs: (io?.outputParameters ?? []).map(p => ({ name: p.name ?? '', expression: p.value ?? '' })),
    inMappings: values.filter(v => v.$type === 'wbpm:In').map(describeMapping),
    outMappings: values.filter(v => v.$type === 'wbpm:Out').map(describeMapping),
    calledElement: bo.$type === 'bpmn:CallActivity' ? (bo.calledElement ?? null) : null,
    multiInstance: mi ? {
      isSequential: !!mi.isSequential,
      collection: mi.get('wbpm:collection') ?? null,
      elementVariable: mi.get('wbpm:elementVariable') ?? null,
      cardinality: mi.loopCardinality?.body ?? null,
      completionCondition: mi.completionCondition?.body ?? null,
      outputCollection: mi.loopDataOutputRef?.id ?? null,
      outputElement: mi.outputDataItem?.name ?? mi.outputDataItem?.id ?? null,
    } : null,
    errorCode: error?.errorCode ?? null,
    errorName: error?.name ?? null,
    knownErrors: (definitions?.rootElements ?? []).filter(r => r.$type === 'bpmn:Error' && r.errorCode)
      .map(r => ({ code: r.errorCode, name: r.name ?? null })),
  };
}

function describeForm(form) {
  return {
    fields: (form.fields ?? []).map(f => ({
      key: f.key ?? '', label: f.label ?? null, type: f.type ?? 'text',
      required: f.required === 'true', readonly: f.readonly === 'true',
      min: f.min ?? null, max: f.max ?? null, pattern: f.pattern ?? null, default: f.default ?? null,
      options: (f.options ?? []).map(o => ({ value: o.value ?? '', label: o.label ?? null })),
    })),
    outcomes: (form.outcomes ?? []).map(o => ({ label: o.label ?? '', variable: o.variable ?? '', value: o.value ?? '' })),
  };
}

function describeMapping(m) {
  return { source: m.source ?? null, sourceExpression: m.sourceExpression ?? null, target: m.target ?? null, allVariables: m.variables === 'all' };
}

/** A <wbpm:formDefinition> as docs/forms.md specifies it: attributes written only when they say something. */
export function formDefinition(moddle, data) {
  const fields = (data.fields ?? []).map(f => moddle.create('wbpm:Field', {
    key: f.key, label: text(f.label), type: f.type && f.type !== 'text' ? f.type : undefined,
    required: f.required ? 'true' : undefined, readonly: f.readonly ? 'true' : undefined,
    min: text(f.min), max: text(f.max), pattern: text(f.pattern), default: text(f.default),
    options: (f.type === 'select' ? f.options ?? [] : []).map(o => moddle.create('wbpm:Option', { value: o.value, label: text(o.label) })),
  }));
  const outcomes = (data.outcomes ?? []).map(o => moddle.create('wbpm:Outcome', { label: o.label, variable: o.variable, value: o.value }));
  const form = moddle.create('wbpm:FormDefinition', { fields, outcomes });
  for (const child of [...fields, ...outcomes]) child.$parent = form;
  for (const field of fields) for (const option of field.options) option.$parent = field;
  return form;
}

/** [<wbpm:inputOutput>] or [] when there is nothing to map. */
export function inputOutput(moddle, data) {
  const parameter = type => p => moddle.create(type, { name: p.name, value: text(p.expression) });
  const inputParameters = (data.inputs ?? []).map(parameter('wbpm:InputParameter'));
  const outputParameters = (data.outputs ?? []).map(parameter('wbpm:OutputParameter'));
  if (inputParameters.length === 0 && outputParameters.length === 0) return [];
  const io = moddle.create('wbpm:InputOutput', { inputParameters, outputParameters });
  for (const p of [...inputParameters, ...outputParameters]) p.$parent = io;
  return [io];
}

/** <wbpm:in> elements, then <wbpm:out> elements (a call activity's variables to and from the called process). */
export function callMappings(moddle, data) {
  const mapping = type => m => moddle.create(type, m.allVariables
    ? { variables: 'all' }
    : { source: text(m.source), sourceExpression: text(m.sourceExpression), target: text(m.target) });
  return [...(data.in ?? []).map(mapping('wbpm:In')), ...(data.out ?? []).map(mapping('wbpm:Out'))];
}

/**
 * The properties of a bpmn:multiInstanceLoopCharacteristics. The output collection is loopDataOutputRef, which BPMN
 * types as a reference; the engine reads its text as a variable name, so it is written through an unattached
 * bpmn:Property whose id is that name (restoreReferences brings it back after an import).
 */
export function multiInstance(moddle, data) {
  const expression = body => text(body) ? moddle.create('bpmn:FormalExpression', { body: body.trim() }) : undefined;
  return {
    isSequential: data.isSequential ? true : undefined,
    'wbpm:collection': text(data.collection),
    'wbpm:elementVariable': text(data.elementVariable),
    loopCardinality: expression(data.cardinality),
    completionCondition: expression(data.completionCondition),
    loopDataOutputRef: text(data.outputCollection) ? moddle.create('bpmn:Property', { id: data.outputCollection.trim() }) : undefined,
    outputDataItem: text(data.outputElement)
      ? moddle.create('bpmn:DataOutput', { id: 'DataOutput_' + Math.random().toString(36).slice(2, 9), name: data.outputElement.trim() })
      : undefined,
  };
}

/** After importXML: loopDataOutputRef names a variable, not an element, so moddle reports it unresolved and drops it. */
export function restoreReferences(warnings, moddle) {
  for (const warning of warnings ?? []) {
    const property = String(warning.property ?? '');
    if (property.endsWith('loopDataOutputRef') && warning.element && warning.value)
      warning.element.loopDataOutputRef = moddle.create('bpmn:Property', { id: warning.value });
  }
}

function definitionsOf(bo) {
  let current = bo;
  while (current && current.$type !== 'bpmn:Definitions') current = current.$parent;
  return current ?? null;
}
