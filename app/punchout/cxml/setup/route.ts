export { handleCxmlSetup as POST } from "@/lib/punchout/cxml-setup";
