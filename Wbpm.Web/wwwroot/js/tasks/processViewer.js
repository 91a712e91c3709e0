// The task page's read-only diagram: bpmn-js NavigatedViewer (prebuilt bundle from wwwroot/lib, loaded on first use)
// with the instance's active elements marked. Both bpmn-js bundles assign window.BpmnJS, so the viewer's constructor is
// taken and the global put back: the designer, opened later in the same page session, must still find its Modeler.
const bundle = 'lib/bpmn-js/bpmn-navigated-viewer.production.min.js';
const styles = ['lib/bpmn-js/assets/diagram-js.css', 'lib/bpmn-js/assets/bpmn-js.css', 'lib/bpmn-js/assets/bpmn-font/css/bpmn-embedded.css'];

let loading = null;

function addStyle(href) {
  if (document.querySelector(`link[href="${href}"]`)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    link.onload = resolve; link.onerror = () => reject(new Error('Could not load ' + href));
    document.head.appendChild(link);
  });
}

function loadViewer() {
  loading ??= Promise.all([
    ...styles.map(addStyle),
    new Promise((resolve, reject) => {
      const previous = window.BpmnJS;
      const script = Object.assign(document.createElement('script'), { src: bundle });
      script.onload = () => {
        const viewer = window.BpmnJS;
        if (previous) window.BpmnJS = previous; else delete window.BpmnJS;
        resolve(viewer);
      };
      script.onerror = () => reject(new Error('Could not load ' + bundle));
      document.head.appendChild(script);
    }),
  ]).then(results => results[results.length - 1]);
  return loading;
}

export async function create(container, xml, activeIds, currentId) {
  const Viewer = await loadViewer();
  const viewer = new Viewer({ container });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  canvas.zoom('fit-viewport', 'auto');
  for (const id of activeIds) {
    if (registry.get(id)) canvas.addMarker(id, id === currentId ? 'wbpm-current' : 'wbpm-active');
  }
  return {
    destroy: () => viewer.destroy(),
    markedIds: () => activeIds.filter(id => registry.get(id)),
  };
}
