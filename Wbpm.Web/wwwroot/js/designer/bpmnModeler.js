// The designer canvas: bpmn-js Modeler (prebuilt bundle from wwwroot/lib, loaded on first use) behind a small API for
// BpmnModelerInterop.cs. Events go to .NET through a DotNetObjectReference: OnModelChanged (debounced),
// OnSelectionChanged (properties of the selected element), OnSaveRequested (Ctrl+S).
import { wbpmModdle } from './wbpmModdle.js';
import { describeExtensions, restoreReferences, formDefinition, inputOutput, callMappings, multiInstance } from './wbpmExtensions.js';

// The minimap (diagram-js-minimap's UMD build, window.DiagramJSMinimap) is a diagram-js module added to the modeler.
const bundles = ['lib/bpmn-js/bpmn-modeler.production.min.js', 'lib/diagram-js-minimap/diagram-minimap.umd.prod.js'];
const styles = ['lib/bpmn-js/assets/diagram-js.css', 'lib/bpmn-js/assets/bpmn-js.css', 'lib/bpmn-js/assets/bpmn-font/css/bpmn-embedded.css',
  'lib/diagram-js-minimap/diagram-js-minimap.css'];
const changeDebounceMs = 300;
const wbpmAttributes = ['assignee', 'candidateUsers', 'candidateGroups', 'dueDate', 'followUpDate', 'priority', 'formKey', 'form',
  'type', 'topic', 'retries', 'retryTimeCycle', 'asyncBefore', 'asyncAfter', 'correlationKey', 'withdrawable',
  'candidateStarterGroups', 'candidateStarterUsers', 'errorCodeVariable'];
const timerTypes = ['timeDate', 'timeDuration', 'timeCycle'];

let loading = null;

function loadOnce() {
  if (window.BpmnJS && window.DiagramJSMinimap) return Promise.resolve();
  loading ??= Promise.all([
    ...styles.map(href => new Promise((resolve, reject) => {
      const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
      link.onload = resolve; link.onerror = () => reject(new Error('Could not load ' + href));
      document.head.appendChild(link);
    })),
    ...bundles.map(src => new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { src });
      script.onload = resolve; script.onerror = () => reject(new Error('Could not load ' + src));
      document.head.appendChild(script);
    })),
  ]);
  return loading;
}

export async function create(container, dotnet, xml) {
  await loadOnce();
  const modeler = new window.BpmnJS({
    container, keyboard: { bind: true }, moddleExtensions: { wbpm: wbpmModdle },
    additionalModules: [window.DiagramJSMinimap],
  });
  const designer = new Designer(modeler, container, dotnet);
  await designer.importXml(xml);
  return designer;
}

class Designer {
  constructor(modeler, container, dotnet) {
    this.modeler = modeler;
    this.container = container;
    this.dotnet = dotnet;
    this.selectedId = null;
    this.issueOverlays = [];
    this.markers = [];
    this.changeTimer = null;
    this.importing = false;

    modeler.on('commandStack.changed', () => {
      if (this.importing) return;
      clearTimeout(this.changeTimer);
      this.changeTimer = setTimeout(() => { this.changeTimer = null; this.notify('OnModelChanged'); }, changeDebounceMs);
    });
    modeler.on('selection.changed', ({ newSelection }) => {
      this.selectedId = newSelection.length === 1 ? newSelection[0].id : null;
      this.sendSelection();
    });
    // Undo, redo and renames change the selected element without a selection change: keep the panel in step.
    modeler.on('elements.changed', ({ elements }) => {
      const current = this.current();
      if (current && elements.some(e => e === current || e.id === current.id)) this.sendSelection();
    });
    this.onKeyDown = event => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        this.notify('OnSaveRequested');
      }
    };
    document.addEventListener('keydown', this.onKeyDown);
  }

  notify(method, ...args) {
    this.dotnet.invokeMethodAsync(method, ...args).catch(() => { /* circuit gone: the page is being left */ });
  }

  get(service) { return this.modeler.get(service); }

  current() {
    const registry = this.get('elementRegistry');
    return (this.selectedId && registry.get(this.selectedId)) || this.get('canvas').getRootElement();
  }

  sendSelection() {
    // Import clears the selection before the root exists: importXml sends the selection itself when done.
    const element = this.importing ? null : this.current();
    if (element?.businessObject) this.notify('OnSelectionChanged', describe(element, this.get('elementRegistry')));
  }

  async importXml(xml) {
    this.importing = true;
    try {
      const { warnings } = await this.modeler.importXML(xml);
      restoreReferences(warnings, this.get('moddle'));
      this.fit();
      this.selectedId = null;
      this.markers = [];
      this.issueOverlays = [];
      return warnings.length;
    } finally {
      this.importing = false;
      this.sendSelection();
    }
  }

  /** True when an edit has not been reported yet (still in the debounce); it is then reported by the caller. */
  takePendingChange() {
    if (!this.changeTimer) return false;
    clearTimeout(this.changeTimer);
    this.changeTimer = null;
    return true;
  }

  async saveXml() { return (await this.modeler.saveXML({ format: true })).xml; }

  // Large models exceed SignalR's 32 KB message limit for browser-to-server calls: hand the XML over as a stream.
  // (Blazor wraps a returned typed array into the IJSStreamReference the .NET side asked for.)
  async saveXmlStream() { return new TextEncoder().encode(await this.saveXml()); }

  async saveSvg() { return (await this.modeler.saveSVG()).svg; }

  // Like zoom('fit-viewport'), but centred in the part of the canvas nothing floats over: right of the palette and
  // below the minimap's toggle (fitted to the whole canvas, a model's first elements would open hidden under the
  // palette). Never zooms in past 100%.
  fit() {
    const canvas = this.get('canvas');
    canvas.zoom('fit-viewport', 'auto');
    const { inner, outer } = canvas.viewbox();
    if (!inner.width || !inner.height) return;
    const palette = this.container.querySelector('.djs-palette');
    const margin = 24;
    const left = (palette ? palette.getBoundingClientRect().right - this.container.getBoundingClientRect().left : 0) + margin;
    const top = 56;
    const width = outer.width - left - margin, height = outer.height - top - margin;
    const scale = Math.min(width / inner.width, height / inner.height, 1);
    if (scale <= 0) return;
    const x = left + (width - inner.width * scale) / 2, y = top + (height - inner.height * scale) / 2;
    canvas.viewbox({ x: inner.x - x / scale, y: inner.y - y / scale, width: outer.width / scale, height: outer.height / scale });
  }


  focus() { this.container.querySelector('.djs-container svg')?.focus?.(); }

  elementCount() { return this.get('elementRegistry').getAll().length; }

  async download(format, fileName) {
    if (format === 'bpmn') return save(fileName, await this.saveXml(), 'application/xml');
    const svg = await this.saveSvg();
    if (format === 'svg') return save(fileName, svg, 'image/svg+xml');
    return save(fileName, await svgToPng(svg), 'image/png');
  }

  /** issues: [{ elementId, severity: 'error' | 'warning', message }] */
  setIssues(issues) {
    const canvas = this.get('canvas');
    const overlays = this.get('overlays');
    const registry = this.get('elementRegistry');
    for (const [id, marker] of this.markers) if (registry.get(id)) canvas.removeMarker(id, marker);
    for (const overlay of this.issueOverlays) overlays.remove(overlay);
    this.markers = [];
    this.issueOverlays = [];
    const worst = new Map();
    const texts = new Map();
    for (const issue of issues) {
      if (!issue.elementId || !registry.get(issue.elementId)) continue;
      if (worst.get(issue.elementId) !== 'error') worst.set(issue.elementId, issue.severity);
      texts.set(issue.elementId, [...(texts.get(issue.elementId) ?? []), issue.message]);
    }
    for (const [id, severity] of worst) {
      const marker = 'wbpm-marker-' + severity;
      canvas.addMarker(id, marker);
      this.markers.push([id, marker]);
      const badge = document.createElement('div');
      badge.className = 'wbpm-issue-badge wbpm-issue-badge-' + severity;
      badge.textContent = severity === 'error' ? '!' : '?';
      badge.title = texts.get(id).join('\n');
      this.issueOverlays.push(overlays.add(id, 'wbpm-issues', { position: { top: -10, right: 10 }, html: badge }));
    }
  }

  select(id) {
    const element = this.get('elementRegistry').get(id);
    if (!element) return false;
    this.get('selection').select(element);
    this.get('canvas').scrollToElement(element);
    return true;
  }

  /** Changes one property of an element through the modeling API (undoable, marks the model changed). */
  update(id, field, value) {
    const registry = this.get('elementRegistry');
    const element = registry.get(id);
    if (!element) return false;
    const modeling = this.get('modeling');
    const moddle = this.get('moddle');
    const bo = element.businessObject;
    const empty = value === null || value === undefined || value === '';
    switch (field) {
      case 'id':
        if (!empty) modeling.updateProperties(element, { id: value });
        if (this.selectedId === id) this.selectedId = value;
        break;
      case 'name':
        modeling.updateProperties(element, { name: empty ? undefined : value });
        break;
      case 'documentation':
        modeling.updateProperties(element, { documentation: empty ? [] : [moddle.create('bpmn:Documentation', { text: value })] });
        break;
      case 'condition':
        modeling.updateProperties(element, { conditionExpression: empty ? undefined : moddle.create('bpmn:FormalExpression', { body: value }) });
        break;
      case 'default': {
        const source = element.source;
        if (!source) return false;
        modeling.updateProperties(source, { default: value === 'true' ? bo : undefined });
        break;
      }
      case 'timer': {
        const definition = eventDefinition(bo, 'bpmn:TimerEventDefinition');
        if (!definition) return false;
        const { type, text } = JSON.parse(value);
        const props = Object.fromEntries(timerTypes.map(t => [t, undefined]));
        if (timerTypes.includes(type) && text) props[type] = moddle.create('bpmn:FormalExpression', { body: text });
        modeling.updateModdleProperties(element, definition, props);
        break;
      }
      case 'message':
      case 'signal':
        this.updateReference(element, field, empty ? null : value);
        break;
      case 'error':
        this.updateError(element, empty ? null : JSON.parse(value));
        break;
      case 'calledElement':
        modeling.updateProperties(element, { calledElement: empty ? undefined : value });
        break;
      case 'formDefinition':
        this.replaceExtensions(element, ['wbpm:FormDefinition'], empty ? [] : [formDefinition(moddle, JSON.parse(value))]);
        break;
      case 'inputOutput':
        this.replaceExtensions(element, ['wbpm:InputOutput'], empty ? [] : inputOutput(moddle, JSON.parse(value)));
        break;
      case 'callMappings':
        this.replaceExtensions(element, ['wbpm:In', 'wbpm:Out'], empty ? [] : callMappings(moddle, JSON.parse(value)));
        break;
      case 'multiInstance': {
        const existing = bo.loopCharacteristics?.$type === 'bpmn:MultiInstanceLoopCharacteristics' ? bo.loopCharacteristics : null;
        if (empty) {
          modeling.updateProperties(element, { loopCharacteristics: undefined });
        } else if (existing) {
          modeling.updateModdleProperties(element, existing, multiInstance(moddle, JSON.parse(value)));
        } else {
          const created = moddle.create('bpmn:MultiInstanceLoopCharacteristics');
          created.$parent = bo;
          const props = multiInstance(moddle, JSON.parse(value));
          for (const [key, v] of Object.entries(props)) if (v !== undefined) created.set(key, v);
          modeling.updateProperties(element, { loopCharacteristics: created });
        }
        break;
      }
      default: {
        if (!field.startsWith('wbpm:')) return false;
        const target = field === 'wbpm:correlationKey' ? (eventDefinition(bo, 'bpmn:MessageEventDefinition') ?? bo) : bo;
        const typed = field === 'wbpm:asyncBefore' || field === 'wbpm:asyncAfter' ? (value === 'true' ? true : undefined) : (empty ? undefined : value);
        modeling.updateModdleProperties(element, target, { [field]: typed });
      }
    }
    return true;
  }

  // Message and signal names live on root <message>/<signal> elements the event refers to; reuse one by name.
  updateReference(element, kind, name) {
    const modeling = this.get('modeling');
    const moddle = this.get('moddle');
    const bo = element.businessObject;
    const type = kind === 'message' ? 'bpmn:Message' : 'bpmn:Signal';
    const refName = kind === 'message' ? 'messageRef' : 'signalRef';
    const holder = eventDefinition(bo, kind === 'message' ? 'bpmn:MessageEventDefinition' : 'bpmn:SignalEventDefinition')
      ?? (bo.$instanceOf('bpmn:ReceiveTask') || bo.$instanceOf('bpmn:SendTask') ? bo : null);
    if (!holder) return;
    if (!name) { modeling.updateModdleProperties(element, holder, { [refName]: undefined }); return; }
    const definitions = this.get('canvas').getRootElement().businessObject.$parent;
    let root = definitions.rootElements.find(r => r.$type === type && r.name === name);
    if (!root) {
      root = moddle.create(type, { id: kind[0].toUpperCase() + kind.slice(1) + '_' + Math.random().toString(36).slice(2, 9), name });
      root.$parent = definitions;
      modeling.updateModdleProperties(element, definitions, { rootElements: [...definitions.rootElements, root] });
    }
    modeling.updateModdleProperties(element, holder, { [refName]: root });
  }

  // Replaces our extension elements of the given types, keeping everything else in extensionElements (other vendors'
  // content, camunda:*) where it was; an empty extensionElements is removed rather than written as an empty tag.
  replaceExtensions(element, types, replacements) {
    const modeling = this.get('modeling');
    const bo = element.businessObject;
    let extensions = bo.extensionElements;
    const current = extensions?.values ?? [];
    const first = current.findIndex(v => types.includes(v.$type));
    const kept = current.filter(v => !types.includes(v.$type));
    const at = first < 0 ? kept.length : current.slice(0, first).filter(v => !types.includes(v.$type)).length;
    const values = [...kept.slice(0, at), ...replacements, ...kept.slice(at)];
    if (values.length === 0) {
      if (extensions) modeling.updateModdleProperties(element, bo, { extensionElements: undefined });
      return;
    }
    if (!extensions) {
      extensions = this.get('moddle').create('bpmn:ExtensionElements', { values: [] });
      extensions.$parent = bo;
      modeling.updateModdleProperties(element, bo, { extensionElements: extensions });
    }
    for (const value of replacements) value.$parent = extensions;
    modeling.updateModdleProperties(element, extensions, { values });
  }

  // An error event refers to a root <bpmn:error> by errorRef; reuse the one with the same errorCode, else create it.
  updateError(element, choice) {
    const modeling = this.get('modeling');
    const holder = eventDefinition(element.businessObject, 'bpmn:ErrorEventDefinition');
    if (!holder) return;
    const code = choice?.code?.trim();
    if (!code) { modeling.updateModdleProperties(element, holder, { errorRef: undefined }); return; }
    const definitions = this.get('canvas').getRootElement().businessObject.$parent;
    let error = definitions.rootElements.find(r => r.$type === 'bpmn:Error' && r.errorCode === code);
    if (!error) {
      error = this.get('moddle').create('bpmn:Error', { id: 'Error_' + Math.random().toString(36).slice(2, 9), name: choice.name?.trim() || code, errorCode: code });
      error.$parent = definitions;
      modeling.updateModdleProperties(element, definitions, { rootElements: [...definitions.rootElements, error] });
    } else if (choice.name?.trim() && choice.name.trim() !== error.name) {
      modeling.updateModdleProperties(element, error, { name: choice.name.trim() });
    }
    modeling.updateModdleProperties(element, holder, { errorRef: error });
  }

  destroy() {
    clearTimeout(this.changeTimer);
    document.removeEventListener('keydown', this.onKeyDown);
    this.modeler.destroy();
  }
}

function eventDefinition(bo, type) {
  return (bo.eventDefinitions ?? []).find(d => d.$type === type) ?? null;
}

/** The selected element as the properties panel needs it (ElementProperties.cs). */
function describe(element, registry) {
  const bo = element.businessObject;
  const definition = (bo.eventDefinitions ?? [])[0] ?? null;
  const attributes = {};
  for (const name of wbpmAttributes) {
    let value;
    try { value = bo.get('wbpm:' + name); } catch { value = undefined; }
    if (value === undefined && definition) { try { value = definition.get('wbpm:' + name); } catch { value = undefined; } }
    if (value !== undefined && value !== null && value !== '') attributes[name] = String(value);
  }
  const timerType = definition?.$type === 'bpmn:TimerEventDefinition' ? timerTypes.find(t => definition[t]) ?? null : null;
  const source = bo.sourceRef;
  const message = definition?.messageRef ?? bo.messageRef;
  return {
    id: bo.id,
    type: bo.$type,
    name: bo.name ?? null,
    documentation: (bo.documentation ?? [])[0]?.text ?? null,
    attributes,
    condition: bo.conditionExpression?.body ?? null,
    isDefaultFlow: !!source && source.default === bo,
    sourceType: source?.$type ?? null,
    eventDefinitionType: definition?.$type ?? null,
    timerType,
    timerValue: timerType ? definition[timerType]?.body ?? null : null,
    messageName: message?.name ?? null,
    signalName: definition?.signalRef?.name ?? null,
    elementCount: registry.getAll().length,
    ...describeExtensions(bo, definition),
  };
}

function save(fileName, content, type) {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// PNG: draw the exported SVG on a canvas (2x for crisp text) on a white background.
function svgToPng(svg) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    const image = new Image();
    image.onload = () => {
      const scale = 2;
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, image.width * scale);
      canvas.height = Math.max(1, image.height * scale);
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob(blob => blob ? resolve(blob) : reject(new Error('PNG export failed')), 'image/png');
    };
    image.onerror = () => { URL.revokeObjectURL(url); reject(new Error('The SVG could not be drawn')); };
    image.src = url;
  });
}
