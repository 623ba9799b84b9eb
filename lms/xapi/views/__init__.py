"""The doors of lms.xapi: the embedded LRS (`statements`, `about`, with the
HTTP protocol they share in `protocol`, `lrs_request`, `authentication` and
`cors`), the xAPI Profile, a person's own record and the forwarding admin."""
