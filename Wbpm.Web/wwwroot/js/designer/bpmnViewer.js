// Read-only diagrams (a deployed version, the two sides of a comparison): bpmn-js NavigatedViewer (pan and zoom, no
// editing). Both bpmn-js bundles define window.BpmnJS; the viewer's is taken and the previous global put back, so
// the designer (which loads the modeler bundle) never gets a viewer, whichever page was opened first.
import { wbpmModdle } from './wbpmModdle.js';

const bundle = 'lib/bpmn-js/bpmn-navigated-viewer.production.min.js';
const styles = ['lib/bpmn-js/assets/diagram-js.css', 'lib/bpmn-js/assets/bpmn-js.css', 'lib/bpmn-js/assets/bpmn-font/css/bpmn-embedded.css'];

let loading = null;

function addStyles() {
  return Promise.all(styles.filter(href => !document.querySelector(`link[href="${href}"]`)).map(href => new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    link.onload = resolve; link.onerror = () => reject(new Error('Could not load ' + href));
    document.head.appendChild(link);
  })));
}

function loadViewer() {
  loading ??= Promise.all([addStyles(), new Promise((resolve, reject) => {
    const previous = window.BpmnJS;
    const script = Object.assign(document.createElement('script'), { src: bundle });
    script.onload = () => {
      const viewer = window.BpmnJS;
      if (previous) window.BpmnJS = previous; else delete window.BpmnJS;
      resolve(viewer);
    };
    script.onerror = () => reject(new Error('Could not load ' + bundle));
    document.head.appendChild(script);
  })]).then(([, viewer]) => viewer);
  return loading;
}

/** Shows xml in container; markers: { elementId: cssClass }. Returns a handle with destroy(). */
export async function show(container, xml, markers) {
  const NavigatedViewer = await loadViewer();
  const viewer = new NavigatedViewer({ container, moddleExtensions: { wbpm: wbpmModdle } });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  for (const [id, marker] of Object.entries(markers ?? {})) if (registry.get(id)) canvas.addMarker(id, marker);
  canvas.zoom('fit-viewport', 'auto');
  return {
    destroy: () => viewer.destroy(),
    fit: () => canvas.zoom('fit-viewport', 'auto'),
    select: id => {
      const element = registry.get(id);
      if (!element) return false;
      canvas.scrollToElement(element);
      return true;
    },
  };
}
