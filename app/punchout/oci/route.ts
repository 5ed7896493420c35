// Many SAP systems call the catalogue with GET, others POST the same fields.
export { handleOciLogin as GET, handleOciLogin as POST } from "@/lib/punchout/oci-login";
