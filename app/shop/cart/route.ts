export { handleCartChange as POST } from "@/lib/punchout/shop-routes";
