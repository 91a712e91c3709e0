namespace Wbpm.E2E;
