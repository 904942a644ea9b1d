// Reading one order of the export (formats.md section 2) into preflight::Order.
#include "formats/json_fields.hpp"

namespace preflight {

using formats::Fields;
using formats::Json;
using formats::Reading;

namespace {

Address read_address(const Json& object, const std::string& path, std::vector<InputProblem>& problems) {
    Fields fields(object, path, problems);
    Address address;
    address.name = fields.optional_string("name");
    address.street = fields.optional_string("street");
    address.house_number = fields.optional_id("house_number");
    address.house_number_addition = fields.optional_id("house_number_addition");
    address.postcode = fields.optional_string("postcode");
    address.city = fields.optional_string("city");
    address.country = fields.optional_string("country");
    return address;
}

OrderItem read_item(const Json& object, const std::string& path, std::vector<InputProblem>& problems) {
    Fields fields(object, path, problems);
    OrderItem item;
    if (!object.is_object()) {
        fields.problem(path, "'" + path + "' must be an object, not " + formats::describe_type(object));
        return item;
    }
    item.type = fields.required_string("type");
    item.quantity = fields.optional_integer("quantity", 0, 0, 10'000'000);
    item.product = fields.optional_string("product");
    item.colour = fields.optional_string("colour");
    if (item.type == "card") {
        item.design = fields.required_string("design");
        item.paper = fields.optional_string("paper");
        item.finishes = fields.optional_strings("finishes");
    }
    return item;
}

}  // namespace

Reading<Order> formats::read_order_text(std::string_view json_text) {
    Reading<Order> result;
    std::string error, duplicate;
    // The keys an order has; anything else (notes, extensions) is read past, not stored.
    static const std::set<std::string, std::less<>> order_keys{"order_id", "status", "placed_at", "check_service", "proof",
                                                               "customer", "shipping_address", "items"};
    auto json = formats::parse_json_unique_keys(json_text, error, duplicate, &order_keys);
    if (!json) {
        // A key written twice is valid JSON but not one order: no value, so no gating on it.
        if (!duplicate.empty()) result.problems.push_back({"input.schema", duplicate, error});
        else {
            result.problems.push_back({"input.schema", "", "not valid JSON: " + error});
            result.json_ok = false;
        }
        return result;
    }
    if (!json->is_object()) {
        result.problems.push_back({"input.schema", "", "an order must be a JSON object, not " + formats::describe_type(*json)});
        result.json_ok = false;
        return result;
    }
    Fields fields(*json, "", result.problems);
    Order order;
    order.order_id = fields.required_id("order_id");
    order.status = fields.required_string("status");
    order.placed_at = fields.optional_string("placed_at");
    order.check_service = fields.optional_bool("check_service", false);
    order.proof = fields.optional_bool("proof", false);
    if (const Json* customer = fields.object("customer", false)) {
        Fields c(*customer, "customer", result.problems);
        order.customer.name = c.optional_string("name");
        order.customer.email = c.optional_string("email");
        order.customer.phone = c.optional_id("phone");
    }
    if (const Json* address = fields.object("shipping_address", false))
        order.shipping_address = read_address(*address, "shipping_address", result.problems);
    if (const Json* items = fields.array("items", false)) {
        for (std::size_t i = 0; i < items->size(); ++i)
            order.items.push_back(read_item((*items)[i], "items[" + std::to_string(i) + "]", result.problems));
    }
    result.value = std::move(order);
    return result;
}

Result<Order> parse_order(std::string_view json_text) { return formats::read_order_text(json_text).to_result(); }

}  // namespace preflight
