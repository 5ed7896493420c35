export { handleCartTransfer as POST } from "@/lib/punchout/shop-routes";
